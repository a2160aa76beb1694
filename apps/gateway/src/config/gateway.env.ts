import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { APP_HTTP_PORTS, BaseEnv } from '@sales-suite/config';

export class GatewayEnv extends BaseEnv {
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

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';
}
