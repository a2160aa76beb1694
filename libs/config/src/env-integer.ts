import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** An integer variable within [min, max]: the environment gives strings, so it is read as a number. */
export function EnvInteger(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => Number(value)),
    IsInt(),
    Min(min),
    Max(max),
  );
}
