import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';

/** The largest value of PostgreSQL's `integer`, which every counter, version and row number is. */
export const INT32_MAX = 2_147_483_647;

/**
 * An integer from `min` to `max` (at most what PostgreSQL's `integer` holds): a larger one is a
 * 400 naming the field, never a query that fails with "out of range" (a 500).
 */
export function IsInt32(min: number, max = INT32_MAX): PropertyDecorator {
  return applyDecorators(IsInt(), Min(min), Max(Math.min(max, INT32_MAX)));
}
