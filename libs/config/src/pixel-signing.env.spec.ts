import { DEVELOPMENT_PIXEL_KEY_ID } from '@sales-suite/contracts/core';
import { APP_HTTP_PORTS } from './app-ports';
import { PixelSigningEnv } from './pixel-signing.env';
import { validateEnv } from './validate-env';

class TestEnv extends PixelSigningEnv {
  override HTTP_PORT = APP_HTTP_PORTS.gateway;
}

const OWN_KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

describe('PixelSigningEnv', () => {
  it('defaults to no keys and the development key id', () => {
    const env = validateEnv(TestEnv, {});
    expect(env.PIXEL_SIGNING_KEYS).toBeUndefined();
    expect(env.PIXEL_SIGNING_KEY_ID).toBe(DEVELOPMENT_PIXEL_KEY_ID);
  });

  it('reads the keys and the active key id', () => {
    const env = validateEnv(TestEnv, {
      PIXEL_SIGNING_KEYS: OWN_KEYS,
      PIXEL_SIGNING_KEY_ID: 'k1',
    });
    expect(env).toMatchObject({ PIXEL_SIGNING_KEYS: OWN_KEYS, PIXEL_SIGNING_KEY_ID: 'k1' });
  });

  it.each([
    ['PIXEL_SIGNING_KEYS', 'not-a-keyring', /PIXEL_SIGNING_KEYS must be kid:base64secret pairs/],
    ['PIXEL_SIGNING_KEY_ID', 'no spaces allowed', /PIXEL_SIGNING_KEY_ID must be a key id/],
  ])('refuses a malformed %s, naming it', (name, value, message) => {
    expect(() => validateEnv(TestEnv, { [name]: value })).toThrow(message);
  });
});
