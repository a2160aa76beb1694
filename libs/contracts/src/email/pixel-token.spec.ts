import {
  DEVELOPMENT_PIXEL_KEY_ID,
  DEVELOPMENT_PIXEL_SIGNING_KEYS,
  loadPixelKeyring,
  usesDevelopmentKey,
  parsePixelKeyring,
  pixelUrl,
  signPixelToken,
  verifyPixelToken,
} from './pixel-token';

const SECRET_A = Buffer.alloc(32, 'a').toString('base64');
const SECRET_B = Buffer.alloc(32, 'b').toString('base64');
const MESSAGE_ID = '3f2b8c4e-9d1a-4e7b-8f00-0123456789ab';

describe('parsePixelKeyring', () => {
  it.each([
    ['k1', `k1:${SECRET_A}`, 1],
    ['k2', `k1:${SECRET_A},k2:${SECRET_B}`, 2],
    [DEVELOPMENT_PIXEL_KEY_ID, DEVELOPMENT_PIXEL_SIGNING_KEYS, 1],
  ])('accepts active %s in %s', (active, setting, count) => {
    const keyring = parsePixelKeyring(setting, active);
    expect(keyring.activeKeyId).toBe(active);
    expect(keyring.keys.size).toBe(count);
  });

  it.each([
    ['', 'k1', 'kid:base64secret pairs'],
    ['k1', 'k1', 'kid:base64secret pairs'],
    [`k1 ${SECRET_A}`, 'k1', 'kid:base64secret pairs'],
    [`k1:${SECRET_A},`, 'k1', 'kid:base64secret pairs'],
    ['k1:c2hvcnQ=', 'k1', 'at least 32 bytes'],
    [`k1:${SECRET_A},k1:${SECRET_B}`, 'k1', 'twice'],
    [`k1:${SECRET_A}`, 'k2', 'not in PIXEL_SIGNING_KEYS'],
  ])('refuses keys %j with active %s (%s)', (setting, active, message) => {
    expect(() => parsePixelKeyring(setting, active)).toThrow(message);
  });
});

describe('signPixelToken / verifyPixelToken', () => {
  const keyring = parsePixelKeyring(`k1:${SECRET_A},k2:${SECRET_B}`, 'k1');
  const token = signPixelToken(keyring, MESSAGE_ID);

  it('round-trips the message id and names the key, in a compact URL-safe token', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThanOrEqual(48);
    expect(verifyPixelToken(keyring, token)).toEqual({
      valid: true,
      keyId: 'k1',
      messageId: MESSAGE_ID,
    });
  });

  it('normalises upper-case UUIDs and refuses non-UUID message ids when signing', () => {
    const upper = signPixelToken(keyring, MESSAGE_ID.toUpperCase());
    expect(verifyPixelToken(keyring, upper)).toMatchObject({ messageId: MESSAGE_ID });
    expect(() => signPixelToken(keyring, 'not-a-uuid')).toThrow('Not a UUID');
  });

  it('keeps verifying tokens of a previous key after rotation, until that key is retired', () => {
    const rotated = parsePixelKeyring(`k1:${SECRET_A},k2:${SECRET_B}`, 'k2');
    expect(verifyPixelToken(rotated, token)).toMatchObject({ valid: true, keyId: 'k1' });
    const newToken = signPixelToken(rotated, MESSAGE_ID);
    expect(verifyPixelToken(rotated, newToken)).toMatchObject({ valid: true, keyId: 'k2' });
    const retired = parsePixelKeyring(`k2:${SECRET_B}`, 'k2');
    expect(verifyPixelToken(retired, token)).toEqual({ valid: false, reason: 'unknown_key' });
    expect(verifyPixelToken(retired, newToken)).toMatchObject({ valid: true });
  });

  const bytes = Buffer.from(token, 'base64url');
  const flip = (index: number) => {
    const copy = Buffer.from(bytes);
    copy[index] ^= 0x01;
    return copy.toString('base64url');
  };
  const sameKidOtherSecret = parsePixelKeyring(`k1:${SECRET_B}`, 'k1');

  it.each([
    ['empty', '', 'malformed'],
    ['truncated by one character', token.slice(0, -1), 'malformed'],
    ['truncated to half', token.slice(0, token.length / 2), 'malformed'],
    ['with an extra character', `${token}A`, 'malformed'],
    ['with a dot', `${token.slice(0, 10)}.${token.slice(11)}`, 'malformed'],
    ['huge', 'A'.repeat(10_000), 'malformed'],
    [
      'of another version',
      (() => {
        const copy = Buffer.from(bytes);
        copy[0] = 2;
        return copy.toString('base64url');
      })(),
      'malformed',
    ],
    ['with a changed message id byte', flip(10), 'bad_signature'],
    ['with a changed mac byte', flip(bytes.length - 1), 'bad_signature'],
    ['with a forged key id', flip(2), 'unknown_key'],
    [
      'signed by a different secret under the same kid',
      signPixelToken(sameKidOtherSecret, MESSAGE_ID),
      'bad_signature',
    ],
    ['non-ascii', 'é'.repeat(40), 'malformed'],
  ])('refuses a token %s as %s', (_name, candidate, reason) => {
    expect(verifyPixelToken(keyring, candidate)).toEqual({ valid: false, reason });
  });
});

describe('pixelUrl', () => {
  it.each([
    ['https://t.example.com', 'https://t.example.com/t/o/abc.gif'],
    ['https://t.example.com/', 'https://t.example.com/t/o/abc.gif'],
    ['http://localhost:3000//', 'http://localhost:3000/t/o/abc.gif'],
  ])('joins %s and the token', (base, expected) => {
    expect(pixelUrl(base, 'abc')).toBe(expected);
  });
});

describe('loadPixelKeyring', () => {
  const OWN_KEYS = `dev:${SECRET_A}`;

  it.each([
    ['no keys, outside production: the development key, with a warning', undefined, false, true],
    [
      'the development key, outside production: a warning',
      DEVELOPMENT_PIXEL_SIGNING_KEYS,
      false,
      true,
    ],
    ['own keys, outside production: no warning', OWN_KEYS, false, false],
    ['own keys, in production: no warning', OWN_KEYS, true, false],
  ])('%s', (_name, keys, production, warned) => {
    const warnings: string[] = [];
    const keyring = loadPixelKeyring(keys, DEVELOPMENT_PIXEL_KEY_ID, { production }, (m) =>
      warnings.push(m),
    );
    expect(usesDevelopmentKey(keyring)).toBe(keys !== OWN_KEYS);
    expect(warnings).toEqual(warned ? [expect.stringContaining('development key')] : []);
  });

  it.each([
    ['no keys', undefined, 'PIXEL_SIGNING_KEYS is not set: with NODE_ENV=production'],
    [
      'the development key',
      DEVELOPMENT_PIXEL_SIGNING_KEYS,
      'PIXEL_SIGNING_KEYS holds the built-in development key, refused with NODE_ENV=production',
    ],
    [
      'the development key among others',
      `k1:${SECRET_A},${DEVELOPMENT_PIXEL_SIGNING_KEYS}`,
      'PIXEL_SIGNING_KEYS holds the built-in development key, refused with NODE_ENV=production',
    ],
  ])('refuses %s in production, naming the variable', (_name, keys, message) => {
    const warnings: string[] = [];
    expect(() =>
      loadPixelKeyring(keys, DEVELOPMENT_PIXEL_KEY_ID, { production: true }, (m) =>
        warnings.push(m),
      ),
    ).toThrow(message);
    expect(warnings).toEqual([]);
  });
});
