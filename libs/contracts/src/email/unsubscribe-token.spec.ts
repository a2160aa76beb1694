import { parsePixelKeyring, signPixelToken, verifyPixelToken } from './pixel-token';
import {
  listUnsubscribeHeaders,
  signUnsubscribeToken,
  unsubscribeUrl,
  verifyUnsubscribeToken,
} from './unsubscribe-token';

const SECRET_A = Buffer.alloc(32, 'a').toString('base64');
const SECRET_B = Buffer.alloc(32, 'b').toString('base64');
const MESSAGE_ID = '3f2b8c4e-9d1a-4e7b-8f00-0123456789ab';

describe('unsubscribe tokens', () => {
  const keyring = parsePixelKeyring(`k1:${SECRET_A},k2:${SECRET_B}`, 'k1');
  const token = signUnsubscribeToken(keyring, MESSAGE_ID);

  it('round-trips the message id with the active key id', () => {
    expect(verifyUnsubscribeToken(keyring, token)).toEqual({
      valid: true,
      keyId: 'k1',
      messageId: MESSAGE_ID,
    });
  });

  it('is never interchangeable with a pixel token of the same message and key', () => {
    const pixel = signPixelToken(keyring, MESSAGE_ID);
    expect(pixel).not.toBe(token);
    expect(verifyUnsubscribeToken(keyring, pixel)).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    expect(verifyPixelToken(keyring, token)).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('rotates like pixel tokens: an old key verifies while listed, then is unknown', () => {
    const rotated = parsePixelKeyring(`k1:${SECRET_A},k2:${SECRET_B}`, 'k2');
    expect(verifyUnsubscribeToken(rotated, token)).toMatchObject({ valid: true, keyId: 'k1' });
    expect(
      verifyUnsubscribeToken(rotated, signUnsubscribeToken(rotated, MESSAGE_ID)),
    ).toMatchObject({ valid: true, keyId: 'k2' });
    const retired = parsePixelKeyring(`k2:${SECRET_B}`, 'k2');
    expect(verifyUnsubscribeToken(retired, token)).toEqual({
      valid: false,
      reason: 'unknown_key',
    });
  });

  it.each([
    [
      'another key with the same id',
      parsePixelKeyring(`k1:${SECRET_B}`, 'k1'),
      token,
      'bad_signature',
    ],
    [
      'a flipped character',
      keyring,
      `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`,
      'bad_signature',
    ],
    ['a truncated token', keyring, token.slice(0, -2), 'malformed'],
    ['path characters', keyring, `${token}/..`, 'malformed'],
    ['an empty token', keyring, '', 'malformed'],
  ])('refuses %s', (_case, ring, candidate, reason) => {
    expect(verifyUnsubscribeToken(ring, candidate)).toEqual({ valid: false, reason });
  });
});

describe('listUnsubscribeHeaders', () => {
  const url = unsubscribeUrl('https://t.example.com/', 'TOKEN');

  it.each([
    [undefined, '<https://t.example.com/t/u/TOKEN>'],
    [
      'unsubscribe@example.com',
      '<https://t.example.com/t/u/TOKEN>, <mailto:unsubscribe@example.com?subject=unsubscribe%20TOKEN>',
    ],
  ])('with mailto %s gives the RFC 2369 list and the RFC 8058 one-click value', (mailto, list) => {
    expect(listUnsubscribeHeaders(url, 'TOKEN', mailto)).toEqual({
      'List-Unsubscribe': list,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
