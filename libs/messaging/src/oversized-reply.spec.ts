import { ErrorCode } from '@sales-suite/contracts';
import { compactReply, MAX_REPLY_VIOLATIONS } from './oversized-reply';

const violations = (count: number, field = 'relations') =>
  Array.from({ length: count }, (_, index) => ({
    field: `rows.0.${field}.${index}`,
    reason: 'must be an object',
  }));

describe('compactReply', () => {
  it.each([
    ['an answer (no error)', undefined],
    ['a bare string', 'boom'],
    ['an error without a code', { message: 'x' }],
  ])('%s becomes an INTERNAL error', (_, err) => {
    expect(compactReply(err)).toEqual({
      code: ErrorCode.Internal,
      message: 'The answer was too large to send',
    });
  });

  it.each([
    [5000, MAX_REPLY_VIOLATIONS, 5000 - MAX_REPLY_VIOLATIONS],
    [MAX_REPLY_VIOLATIONS, MAX_REPLY_VIOLATIONS, undefined],
    [3, 3, undefined],
  ])('a refusal with %i violations keeps %i and counts the rest', (count, kept, omitted) => {
    const reply = compactReply({
      code: ErrorCode.ValidationFailed,
      message: 'Invalid input: …',
      details: { violations: violations(count) },
    });
    expect(reply.code).toBe(ErrorCode.ValidationFailed);
    expect(reply.details?.violations).toEqual(violations(count).slice(0, kept));
    expect(reply.details?.omittedViolations).toBe(omitted);
  });

  it('cuts long texts: a 900 KB field name does not come back whole', () => {
    const reply = compactReply({
      code: ErrorCode.ValidationFailed,
      message: 'x'.repeat(900_000),
      details: { violations: [{ field: 'k'.repeat(900_000), reason: 'is not allowed' }] },
    });
    expect(JSON.stringify(reply).length).toBeLessThan(2000);
    expect(reply.details?.violations?.[0].field).toMatch(/^k{500}…$/);
  });

  it('a refusal without violations keeps only its code and message', () => {
    expect(compactReply({ code: ErrorCode.Conflict, message: 'taken' })).toEqual({
      code: ErrorCode.Conflict,
      message: 'taken',
    });
  });
});
