import { analyzePhone } from './phone.rules';

describe('analyzePhone', () => {
  const valid: [string, string | null, string, string, string][] = [
    // raw, default country, E.164, type, country
    ['(415) 555-2671', 'US', '+14155552671', 'fixed_line_or_mobile', 'US'],
    ['415.555.2671', 'US', '+14155552671', 'fixed_line_or_mobile', 'US'],
    ['+1 415 555 2671', null, '+14155552671', 'fixed_line_or_mobile', 'US'],
    ['1-800-275-2273', 'US', '+18002752273', 'toll_free', 'US'],
    ['+1 (416) 555-0199', 'CA', '+14165550199', 'fixed_line_or_mobile', 'CA'],
    ['020 7946 0958', 'GB', '+442079460958', 'fixed_line', 'GB'],
    ['+44 20 7946 0958', 'FR', '+442079460958', 'fixed_line', 'GB'],
    ['07400 123456', 'GB', '+447400123456', 'mobile', 'GB'],
    ['0044 7400 123456', null, '+447400123456', 'mobile', 'GB'],
    ['06 12 34 56 78', 'FR', '+33612345678', 'mobile', 'FR'],
    ['01 42 68 53 00', 'FR', '+33142685300', 'fixed_line', 'FR'],
    ['+33 (0)1 42 68 53 00', null, '+33142685300', 'fixed_line', 'FR'],
    ['030 123456789', 'DE', '+4930123456789', 'fixed_line', 'DE'],
    ['0151 23456789', 'DE', '+4915123456789', 'mobile', 'DE'],
    ['+49 89 1234567', null, '+49891234567', 'fixed_line', 'DE'],
    ['612 345 678', 'ES', '+34612345678', 'mobile', 'ES'],
    ['02 1234 5678', 'AU', '+61212345678', 'fixed_line', 'AU'],
    ['0412 345 678', 'AU', '+61412345678', 'mobile', 'AU'],
    ['+91 98765 43210', null, '+919876543210', 'mobile', 'IN'],
    ['090-1234-5678', 'JP', '+819012345678', 'mobile', 'JP'],
    ['(11) 91234-5678', 'BR', '+5511912345678', 'mobile', 'BR'],
    ['+31 20 123 4567', null, '+31201234567', 'fixed_line', 'NL'],
    ['+41 44 668 18 00', null, '+41446681800', 'fixed_line', 'CH'],
    ['+353 1 234 5678', null, '+35312345678', 'fixed_line', 'IE'],
    ['+65 6123 4567', null, '+6561234567', 'fixed_line', 'SG'],
    ['+971 50 123 4567', null, '+971501234567', 'mobile', 'AE'],
    ['+1 415 555 2671 ext. 42', null, '+14155552671', 'fixed_line_or_mobile', 'US'],
  ];

  it.each(valid)('%s (in %s) → %s, %s, %s', (raw, region, e164, type, country) => {
    expect(analyzePhone(raw, region)).toMatchObject({
      valid: true,
      reason: null,
      e164,
      type,
      country,
    });
  });

  it('keeps the extension', () => {
    expect(analyzePhone('+1 415 555 2671 ext. 42').extension).toBe('42');
  });

  it('reads the default country case-insensitively and ignores an unknown one', () => {
    expect(analyzePhone('020 7946 0958', 'gb').e164).toBe('+442079460958');
    expect(analyzePhone('+44 20 7946 0958', 'XX').e164).toBe('+442079460958');
  });

  const invalid: [string, string | null, string][] = [
    ['', 'US', 'empty'],
    ['   ', 'US', 'empty'],
    ['call me', 'US', 'not_a_number'],
    ['n/a', null, 'not_a_number'],
    ['12', 'US', 'too_short'],
    ['555-0199', 'US', 'too_short'],
    ['+1 415 555 2671 1234 5678', null, 'too_long'],
    ['415 555 2671', null, 'invalid_country'],
    ['415 555 2671', 'XX', 'invalid_country'],
    ['+999 123 456 789', null, 'invalid_country'],
    ['(000) 000-0000', 'US', 'invalid_number'],
    ['+44 99 9999 9999', null, 'invalid_number'],
  ];

  it.each(invalid)('%p (in %s) is invalid: %s, raw kept', (raw, region, reason) => {
    expect(analyzePhone(raw, region)).toMatchObject({
      valid: false,
      reason,
      e164: null,
      raw: raw.trim(),
    });
  });
});
