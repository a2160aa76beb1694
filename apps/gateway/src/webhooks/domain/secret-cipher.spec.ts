import { randomBytes } from 'node:crypto';
import { SecretCipher } from './secret-cipher';

describe('SecretCipher', () => {
  const key = randomBytes(32).toString('base64');
  const cipher = new SecretCipher(key);

  it('gets back what it encrypted, and never stores it in the clear', () => {
    const stored = cipher.encrypt('whsec_abc');
    expect(stored).not.toContain('whsec_abc');
    expect(stored).toMatch(/^v1\./);
    expect(cipher.decrypt(stored)).toBe('whsec_abc');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it.each([
    [
      'another key',
      (stored: string) => new SecretCipher(randomBytes(32).toString('base64')).decrypt(stored),
    ],
    [
      'an altered ciphertext',
      (stored: string) =>
        cipher.decrypt(stored.slice(0, -2) + (stored.endsWith('A') ? 'BB' : 'AA')),
    ],
    ['another format', () => cipher.decrypt('plain')],
  ])('refuses %s', (_, decrypt) => {
    expect(() => decrypt(cipher.encrypt('whsec_abc'))).toThrow();
  });

  it.each([
    [''],
    ['c2hvcnQ='],
    [randomBytes(31).toString('base64')],
    ['not base64 at all!!!!!!!!!!!!!!!!!!!!!!!!!'],
  ])('refuses the key %p', (bad) => {
    expect(() => new SecretCipher(bad)).toThrow(RangeError);
  });
});
