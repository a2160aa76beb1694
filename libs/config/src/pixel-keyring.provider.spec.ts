import { ConfigService } from '@nestjs/config';
import {
  DEVELOPMENT_PIXEL_KEY_ID,
  DEVELOPMENT_PIXEL_SIGNING_KEYS,
  PixelKeyring,
  signPixelToken,
  verifyPixelToken,
} from '@sales-suite/contracts/core';
import { pixelKeyringFrom } from './pixel-keyring.provider';

const OWN_KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
const keyringFrom = (env: Record<string, string>): PixelKeyring =>
  pixelKeyringFrom(new ConfigService(env));

describe('pixelKeyringFrom', () => {
  it.each([
    ['no keys', {}],
    ['the development key', { PIXEL_SIGNING_KEYS: DEVELOPMENT_PIXEL_SIGNING_KEYS }],
  ])('refuses %s with NODE_ENV=production, naming PIXEL_SIGNING_KEYS', (_what, keys) => {
    expect(() =>
      keyringFrom({
        ...keys,
        PIXEL_SIGNING_KEY_ID: DEVELOPMENT_PIXEL_KEY_ID,
        NODE_ENV: 'production',
      }),
    ).toThrow(/PIXEL_SIGNING_KEYS/);
  });

  it('falls back to the development key outside production', () => {
    const keyring = keyringFrom({ PIXEL_SIGNING_KEY_ID: DEVELOPMENT_PIXEL_KEY_ID });
    expect(keyring.activeKeyId).toBe(DEVELOPMENT_PIXEL_KEY_ID);
  });

  it('signs with the configured active key in production', () => {
    const keyring = keyringFrom({
      PIXEL_SIGNING_KEYS: OWN_KEYS,
      PIXEL_SIGNING_KEY_ID: 'k1',
      NODE_ENV: 'production',
    });
    const token = signPixelToken(keyring, '5f0c6f4e-8d1b-4c39-9a57-3a8e2f7b6d10');
    expect(keyring.activeKeyId).toBe('k1');
    expect(verifyPixelToken(keyring, token)).toEqual({
      valid: true,
      messageId: '5f0c6f4e-8d1b-4c39-9a57-3a8e2f7b6d10',
      keyId: 'k1',
    });
  });
});
