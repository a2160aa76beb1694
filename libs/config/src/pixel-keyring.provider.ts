import { Logger, Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { loadPixelKeyring, PixelKeyring } from '@sales-suite/contracts/core';

export const PIXEL_KEYRING = Symbol('PIXEL_KEYRING');

/**
 * The pixel signing keys (PIXEL_SIGNING_KEYS, PIXEL_SIGNING_KEY_ID), checked at boot: a bad key
 * configuration, or with NODE_ENV=production a missing or development key, stops the app. The
 * gateway verifies pixel tokens with them, email-tracking signs them.
 */
export function pixelKeyringFrom(config: ConfigService): PixelKeyring {
  return loadPixelKeyring(
    config.get<string>('PIXEL_SIGNING_KEYS'),
    config.getOrThrow<string>('PIXEL_SIGNING_KEY_ID'),
    { production: config.get<string>('NODE_ENV') === 'production' },
    (message) => new Logger('PixelKeyring').warn(message),
  );
}

export const pixelKeyringProvider: Provider<PixelKeyring> = {
  provide: PIXEL_KEYRING,
  inject: [ConfigService],
  useFactory: pixelKeyringFrom,
};
