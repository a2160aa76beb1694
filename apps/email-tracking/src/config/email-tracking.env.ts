import { IsEmail, IsOptional, IsUrl } from 'class-validator';
import { APP_HTTP_PORTS, EnvInteger, PixelSigningEnv } from '@sales-suite/config';

export class EmailTrackingEnv extends PixelSigningEnv {
  override HTTP_PORT = APP_HTTP_PORTS['email-tracking'];

  /** Where the gateway is reachable from the internet: pixel URLs start with it. */
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** After this, an open keeps only its time and classification (no IP prefix, no UA family). */
  /** Also offered in List-Unsubscribe as a mailto (subject: `unsubscribe <token>`) when set. */
  @IsOptional()
  @IsEmail({}, { message: 'UNSUBSCRIBE_MAILTO must be an email address' })
  UNSUBSCRIBE_MAILTO?: string;

  @EnvInteger(0, 24 * 3650)
  OPEN_DETAILS_RETENTION_HOURS = 24 * 30;

  @EnvInteger(100, 24 * 3600 * 1000)
  OPEN_DETAILS_PURGE_INTERVAL_MS = 3600 * 1000;
}
