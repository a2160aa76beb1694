import { clickUrl, redirectableUrl, signClickToken, verifyClickToken } from './click-token';
import { parsePixelKeyring, signPixelToken, verifyPixelToken } from './pixel-token';

const SECRET_A = Buffer.alloc(32, 'a').toString('base64');
const SECRET_B = Buffer.alloc(32, 'b').toString('base64');
const MESSAGE_ID = '3f2b8c4e-9d1a-4e7b-8f00-0123456789ab';
const URL_A = 'https://example.com/pricing?utm_source=mail&a=1';

describe('redirectableUrl', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['  HTTP://Example.COM  ', 'http://example.com/'],
    ['https://example.com/caf\u00e9 x', 'https://example.com/caf%C3%A9%20x'],
    ['https://b\u00fccher.example/', 'https://xn--bcher-kva.example/'],
    ['https://example.com/#top', 'https://example.com/#top'],
    ['mailto:a@example.com', null],
    ['tel:+33123456789', null],
    ['javascript:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['ftp://example.com/file', null],
    ['/relative/path', null],
    ['#anchor', null],
    ['https://', null],
    [`https://example.com/${'a'.repeat(2100)}`, null],
  ])('%j → %j', (raw, expected) => {
    expect(redirectableUrl(raw)).toBe(expected);
  });
});

describe('signClickToken / verifyClickToken', () => {
  const keyring = parsePixelKeyring(`k1:${SECRET_A},k2:${SECRET_B}`, 'k1');
  const token = signClickToken(keyring, MESSAGE_ID, URL_A);

  it('round-trips message id and link in a URL-safe token', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(verifyClickToken(keyring, token)).toEqual({
      valid: true,
      keyId: 'k1',
      messageId: MESSAGE_ID,
      url: URL_A,
    });
    expect(clickUrl('https://t.example.com/', token)).toBe(`https://t.example.com/t/c/${token}`);
  });

  it('refuses to sign what is not a canonical http(s) link or a message id', () => {
    expect(() => signClickToken(keyring, MESSAGE_ID, 'javascript:alert(1)')).toThrow();
    expect(() => signClickToken(keyring, MESSAGE_ID, 'HTTPS://EXAMPLE.COM')).toThrow();
    expect(() => signClickToken(keyring, 'nope', URL_A)).toThrow();
  });

  it('keeps verifying after rotation until the old key is retired (expiry)', () => {
    const rotated = parsePixelKeyring(`k1:${SECRET_A},k2:${SECRET_B}`, 'k2');
    expect(verifyClickToken(rotated, token)).toMatchObject({ valid: true, keyId: 'k1' });
    expect(verifyClickToken(rotated, signClickToken(rotated, MESSAGE_ID, URL_A))).toMatchObject({
      valid: true,
      keyId: 'k2',
    });
    const retired = parsePixelKeyring(`k2:${SECRET_B}`, 'k2');
    expect(verifyClickToken(retired, token)).toEqual({ valid: false, reason: 'unknown_key' });
  });

  it('never accepts a pixel token as a click token, nor the reverse', () => {
    const pixel = signPixelToken(keyring, MESSAGE_ID);
    expect(verifyClickToken(keyring, pixel)).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyPixelToken(keyring, token)).toEqual({ valid: false, reason: 'malformed' });
  });

  /** A token whose link was swapped, re-signed with a key the service does not hold. */
  function forged(url: string): string {
    const other = parsePixelKeyring(`k1:${SECRET_B}`, 'k1');
    const bytes = Buffer.from(signClickToken(other, MESSAGE_ID, 'https://a.example/'), 'base64url');
    const head = bytes.subarray(0, 2 + 2 + 16);
    const mac = bytes.subarray(bytes.length - 16);
    return Buffer.concat([head, Buffer.from(url), mac]).toString('base64url');
  }

  it.each([
    ['empty', '', 'malformed'],
    ['not base64url', `${token.slice(0, -1)}*`, 'malformed'],
    ['truncated', token.slice(0, 60), 'bad_signature'],
    ['far too long', 'A'.repeat(5000), 'malformed'],
    ['a link swapped in', forged('https://evil.example/'), 'bad_signature'],
    [
      'one character changed',
      `${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`,
      'bad_signature',
    ],
  ])('refuses a token that is %s (%s)', (_what, input, reason) => {
    expect(verifyClickToken(keyring, input)).toEqual({ valid: false, reason });
  });

  it('refuses a correctly signed token whose link is not a printable http(s) URL', () => {
    const bytes = Buffer.from(token, 'base64url');
    const kid = bytes.subarray(0, 2 + 2 + 16);
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    for (const url of [
      'javascript:alert(1)',
      'https://example.com/\r\nSet-Cookie: a=b',
      'ftp://example.com/',
      'https://example.com/café',
    ]) {
      const signed = Buffer.concat([kid, Buffer.from(url)]);
      const mac = createHmac('sha256', Buffer.from(SECRET_A, 'base64')).update(signed).digest();
      const bad = Buffer.concat([signed, mac.subarray(0, 16)]).toString('base64url');
      expect(verifyClickToken(keyring, bad)).toEqual({ valid: false, reason: 'unsafe_url' });
    }
  });
});
