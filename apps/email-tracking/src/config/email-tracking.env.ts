import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUrl, Matches, Max, Min } from 'class-validator';
import { APP_HTTP_PORTS, BaseEnv } from '@sales-suite/config';
import { DEVELOPMENT_PIXEL_KEY_ID, PIXEL_SIGNING_KEYS_PATTERN } from '@sales-suite/contracts';

export class EmailTrackingEnv extends BaseEnv {
  override HTTP_PORT = APP_HTTP_PORTS['email-tracking'];

  /** `kid:base64secret,…`; every listed key verifies, the active one signs. Secret: never log. */
  @IsOptional()
  @Matches(PIXEL_SIGNING_KEYS_PATTERN, {
    message: 'PIXEL_SIGNING_KEYS must be kid:base64secret pairs separated by commas',
  })
  PIXEL_SIGNING_KEYS?: string;

  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'PIXEL_SIGNING_KEY_ID must be a key id' })
  PIXEL_SIGNING_KEY_ID = DEVELOPMENT_PIXEL_KEY_ID;

  /** Where the gateway is reachable from the internet: pixel URLs start with it. */
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** After this, an open keeps only its time and classification (no IP prefix, no UA family). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(24 * 3650)
  OPEN_DETAILS_RETENTION_HOURS = 24 * 30;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  @Max(24 * 3600 * 1000)
  OPEN_DETAILS_PURGE_INTERVAL_MS = 3600 * 1000;
}
