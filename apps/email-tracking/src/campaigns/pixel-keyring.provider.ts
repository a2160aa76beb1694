import { Logger, Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { loadPixelKeyring, PixelKeyring } from '@sales-suite/contracts';

export const PIXEL_KEYRING = Symbol('PIXEL_KEYRING');

/** The signing keys, checked at boot: a bad key configuration stops the service. */
export const pixelKeyringProvider: Provider<PixelKeyring> = {
  provide: PIXEL_KEYRING,
  inject: [ConfigService],
  useFactory: (config: ConfigService) =>
    loadPixelKeyring(
      config.get<string>('PIXEL_SIGNING_KEYS'),
      config.getOrThrow<string>('PIXEL_SIGNING_KEY_ID'),
      { production: config.get<string>('NODE_ENV') === 'production' },
      (message) => new Logger('PixelKeyring').warn(message),
    ),
};
