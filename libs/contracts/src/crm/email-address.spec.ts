import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { toFieldViolations } from '../common/validation';
import { checkEmailAddress } from './email-address';
import { IsEmailAddress } from './email-address.validator';

class Body {
  @IsOptional()
  @IsEmailAddress()
  email?: string | null;
}

const violations = (email: unknown) =>
  toFieldViolations(validateSync(plainToInstance(Body, { email })));

describe('IsEmailAddress (the edge DTOs and the service pipe)', () => {
  it.each([
    ['jane.doe@acme.com'],
    ['  Jane.Doe@ACME.com '],
    ['Jane Doe <jane@acme.io>'],
    ['müller@bücher.de'],
    [null],
    [undefined],
  ])('accepts %p', (email) => {
    expect(violations(email)).toEqual([]);
  });

  it.each([
    ['bad@@example', 'local_part_invalid'],
    ['a@b', 'domain_invalid'],
    ['jane doe@acme.com', 'local_part_invalid'],
    ['jane@acme', 'domain_invalid'],
    ['jane@acme.notarealtld', 'unknown_tld'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['jane.acme.com', 'missing_at'],
  ])(
    'refuses %p naming the field and the reason (%s), never echoing the value',
    (email, reason) => {
      const [violation, ...rest] = violations(email);
      expect(rest).toEqual([]);
      expect(violation.field).toBe('email');
      expect(violation.reason).toContain(`email is not a valid email address (${reason})`);
      if (email.trim()) expect(violation.reason).not.toContain(email);
    },
  );

  it('refuses a value that is not a string', () => {
    expect(violations(42)).toEqual([{ field: 'email', reason: 'email must be a string' }]);
  });
});

describe('checkEmailAddress', () => {
  it('answers the normalised address and its registrable domain', () => {
    expect(checkEmailAddress('mailto:J.Smith@Mail.BBC.co.uk?subject=hi')).toEqual({
      normalized: 'j.smith@mail.bbc.co.uk',
      reason: null,
      localPart: 'j.smith',
      domain: 'mail.bbc.co.uk',
      registrableDomain: 'bbc.co.uk',
    });
  });
});
