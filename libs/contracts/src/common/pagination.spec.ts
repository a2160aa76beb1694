import { DomainError } from '../errors/domain-error';
import { decodeTimeIdCursor, encodeCursor, encodeTimeIdCursor } from './pagination';

const ID = '0b6f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';

describe('time and id cursors', () => {
  it('round-trips the database time text with its microseconds', () => {
    const cursor = encodeTimeIdCursor('2026-11-30T04:41:50.123456Z', ID);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTimeIdCursor(cursor)).toEqual({ at: '2026-11-30T04:41:50.123456Z', id: ID });
  });

  it.each([
    ['another kind of cursor', encodeCursor('acme.com')],
    ['milliseconds only', encodeCursor(`2026-11-30T04:41:50.123Z|${ID}`)],
    ['no id', encodeCursor('2026-11-30T04:41:50.123456Z|')],
    ['an upper-case id', encodeCursor(`2026-11-30T04:41:50.123456Z|${ID.toUpperCase()}`)],
    ['an impossible date', encodeCursor(`2026-13-45T04:41:50.123456Z|${ID}`)],
    ['SQL in place of the time', encodeCursor(`now()|${ID}`)],
    ['not base64url at all', '!!!'],
  ])('refuses %s as a 400 naming cursor', (_name, cursor) => {
    let refusal: unknown;
    try {
      decodeTimeIdCursor(cursor);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).details).toEqual({
      violations: [
        { field: 'cursor', reason: 'cursor must be the opaque value of a previous page' },
      ],
    });
  });
});
