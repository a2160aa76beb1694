import { IsCidrList } from './cidr-list.validator';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { APP_HTTP_PORTS, PixelSigningEnv } from '@sales-suite/config';

export class GatewayEnv extends PixelSigningEnv {
  override HTTP_PORT = APP_HTTP_PORTS.gateway;

  /** When set, an admin key with exactly this value exists after startup. */
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'BOOTSTRAP_ADMIN_KEY must be at least 24 characters' })
  BOOTSTRAP_ADMIN_KEY?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  @Max(60000)
  NATS_REQUEST_TIMEOUT_MS = 5000;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /**
   * Failed authentications (no, unknown or revoked key) per minute per client address (IPv6: per
   * /64), across all gateway replicas; beyond it those requests get 429 — valid keys are not held back.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  AUTH_FAILURES_PER_MINUTE = 20;

  /**
   * Peers whose X-Forwarded-For names the client (the ingress, a load balancer), for the API port
   * and the pixel listener. Empty: nobody; the client is the socket's peer.
   */
  @IsCidrList()
  TRUSTED_PROXIES = '';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Pixel hits held in memory while JetStream is unreachable; beyond this, hits are dropped (and counted). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1000)
  @Max(10_000_000)
  PIXEL_HIT_BUFFER_MAX = 500_000;

  /**
   * When set (not 0), the pixel is also served on this port by a bare listener without the API
   * port's per-request hooks: route `/t/o/` there for the fastest pixel. 0 = API port only.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PIXEL_HTTP_PORT = 0;
}
