import { DEVELOPMENT_PIXEL_KEY_ID, PIXEL_SIGNING_KEYS_PATTERN } from '@sales-suite/contracts/core';
import { IsOptional, Matches } from 'class-validator';
import { BaseEnv } from './base-env';

/** Variables of the apps that sign (email-tracking) or verify (gateway) pixel tokens. */
export class PixelSigningEnv extends BaseEnv {
  /** `kid:base64secret,…`; every listed key verifies, the active one signs. Secret: never log. */
  @IsOptional()
  @Matches(PIXEL_SIGNING_KEYS_PATTERN, {
    message: 'PIXEL_SIGNING_KEYS must be kid:base64secret pairs separated by commas',
  })
  PIXEL_SIGNING_KEYS?: string;

  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'PIXEL_SIGNING_KEY_ID must be a key id' })
  PIXEL_SIGNING_KEY_ID = DEVELOPMENT_PIXEL_KEY_ID;
}
