import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { validationFailed } from '../errors/domain-error';
import { IsInt32 } from './integers';

export const MAX_PAGE_SIZE = 100;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt32(1, MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: "Opaque cursor from the previous page's `nextCursor`." })
  @IsOptional()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be the opaque value of a previous page' })
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: base64url of the sort key of the last item returned. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

/** A query-string flag: `true`/`false` become booleans; anything else is left for `@IsBoolean` to refuse. */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );
}

/**
 * A keyset cursor on (time, uuid) for newest- or oldest-first lists. The time is the database's
 * own text of the timestamp at microsecond precision (`to_char(... 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
 * in UTC): a millisecond `Date` would round it, and rows within that millisecond would be
 * skipped or repeated.
 */
export function encodeTimeIdCursor(at: string, id: string): string {
  return encodeCursor(`${at}|${id}`);
}

const TIME_ID_CURSOR =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The (time, id) of a cursor from `encodeTimeIdCursor`; a 400 naming `cursor` otherwise. */
export function decodeTimeIdCursor(cursor: string): { at: string; id: string } {
  const match = TIME_ID_CURSOR.exec(decodeCursor(cursor));
  if (!match || Number.isNaN(Date.parse(match[1])))
    throw validationFailed([
      { field: 'cursor', reason: 'cursor must be the opaque value of a previous page' },
    ]);
  return { at: match[1], id: match[2] };
}
