import { displayPrefix, generateApiKey, hashApiKey, presentedApiKey } from './api-key.secrets';

describe('API key secrets', () => {
  it('generates distinct URL-safe keys with the ssk_ prefix and 256 bits of randomness', () => {
    const keys = new Set(Array.from({ length: 100 }, generateApiKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^ssk_[A-Za-z0-9_-]{43}$/);
  });

  it('hashes with SHA-256 hex, deterministically', () => {
    expect(hashApiKey('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('shows only a recognisable prefix', () => {
    expect(displayPrefix('ssk_abcdefghijklmnop')).toBe('ssk_abcdefgh');
  });

  it.each([
    [{ authorization: 'Bearer ssk_x' }, 'ssk_x'],
    [{ authorization: 'bearer   ssk_y ' }, 'ssk_y'],
    [{ 'x-api-key': 'ssk_z' }, 'ssk_z'],
    [{ authorization: 'Basic dXNlcjpwYXNz', 'x-api-key': 'ssk_w' }, 'ssk_w'],
    [{ authorization: 'Basic dXNlcjpwYXNz' }, undefined],
    [{ authorization: 'Bearer' }, undefined],
    [{ 'x-api-key': '' }, undefined],
    [{ 'x-api-key': ['a', 'b'] }, undefined],
    [{ 'x-api-key': 'x'.repeat(513) }, undefined],
    [{}, undefined],
  ])('reads the presented key from %j', (headers, expected) => {
    expect(presentedApiKey(headers)).toBe(expected);
  });
});
