import { IsCidrList } from './cidr-list.validator';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Min,
  MinLength,
  Validate,
  ValidateIf,
} from 'class-validator';
import { APP_HTTP_PORTS, EnvInteger, PixelSigningEnv } from '@sales-suite/config';
import { IsEcdsaPublicKey } from '../email/esp/esp-webhook-config';
import { IsAllowedTargets, IsSecretsKey } from '../webhooks/webhook-settings';

export class GatewayEnv extends PixelSigningEnv {
  override HTTP_PORT = APP_HTTP_PORTS.gateway;

  /** When set, an admin key with exactly this value exists after startup. */
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'BOOTSTRAP_ADMIN_KEY must be at least 24 characters' })
  BOOTSTRAP_ADMIN_KEY?: string;

  @EnvInteger(100, 60000)
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

  @EnvInteger(1024, 100 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Pixel hits held in memory while JetStream is unreachable; beyond this, hits are dropped (and counted). */
  @EnvInteger(1000, 10_000_000)
  PIXEL_HIT_BUFFER_MAX = 500_000;

  /**
   * When set (not 0), the pixel is also served on this port by a bare listener without the API
   * port's per-request hooks: route `/t/o/` there for the fastest pixel. 0 = API port only.
   */
  @EnvInteger(0, 65535)
  PIXEL_HTTP_PORT = 0;

  // ESP delivery webhooks (`POST /v1/email/webhooks/<provider>`): a provider without its
  // settings answers 404. The Mailgun key and the Postmark password are secrets: never log them.

  /** SendGrid Signed Event Webhook verification key, as SendGrid shows it (base64 DER or PEM). */
  @IsOptional()
  @Validate(IsEcdsaPublicKey)
  SENDGRID_WEBHOOK_PUBLIC_KEY?: string;

  /** Mailgun's HTTP webhook signing key. Secret. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'MAILGUN_WEBHOOK_SIGNING_KEY must be at least 16 characters' })
  MAILGUN_WEBHOOK_SIGNING_KEY?: string;

  /** Basic-auth user name put in the Postmark webhook URL; set with the password or not at all. */
  @ValidateIf((env: GatewayEnv) =>
    Boolean(env.POSTMARK_WEBHOOK_USERNAME ?? env.POSTMARK_WEBHOOK_PASSWORD),
  )
  @IsString({ message: 'POSTMARK_WEBHOOK_USERNAME is required with POSTMARK_WEBHOOK_PASSWORD' })
  @Matches(/^[^:]{1,100}$/, { message: 'POSTMARK_WEBHOOK_USERNAME must have no colon' })
  POSTMARK_WEBHOOK_USERNAME?: string;

  /** Basic-auth password of the Postmark webhook. Secret. */
  @ValidateIf((env: GatewayEnv) =>
    Boolean(env.POSTMARK_WEBHOOK_USERNAME ?? env.POSTMARK_WEBHOOK_PASSWORD),
  )
  @IsString({ message: 'POSTMARK_WEBHOOK_PASSWORD is required with POSTMARK_WEBHOOK_USERNAME' })
  @MinLength(16, { message: 'POSTMARK_WEBHOOK_PASSWORD must be at least 16 characters' })
  POSTMARK_WEBHOOK_PASSWORD?: string;

  /** SNS topics (comma-separated ARNs) whose SES notifications are taken; others are refused. */
  @IsOptional()
  @Matches(
    /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,256}(,arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,256})*$/,
    {
      message: 'SES_SNS_TOPIC_ARNS must be SNS topic ARNs separated by commas',
    },
  )
  SES_SNS_TOPIC_ARNS?: string;

  /**
   * Tests only: one more origin (e.g. `http://127.0.0.1:4567`) trusted, besides
   * `https://sns.<region>.amazonaws.com`, for SNS certificates and subscription URLs.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  SES_SNS_EXTRA_TRUSTED_ORIGIN?: string;

  // Outbound webhooks (`/v1/webhooks`). Without WEBHOOK_SECRETS_KEY they answer 503 and send nothing.

  /**
   * Encrypts the signing secrets at rest (AES-256-GCM): base64 of 32 random bytes, e.g.
   * `openssl rand -base64 32`. Secret; losing it makes every signing secret unreadable.
   */
  @IsOptional()
  @Validate(IsSecretsKey)
  WEBHOOK_SECRETS_KEY?: string;

  /** CIDRs, addresses and host names webhooks may reach although private or loopback (SSRF allow-list). */
  @Validate(IsAllowedTargets)
  WEBHOOK_ALLOWED_TARGETS = '';

  /** The wait after a delivery's first failed attempt; doubled after each further failure (with jitter). */
  @EnvInteger(10, 3_600_000)
  WEBHOOK_RETRY_INITIAL_MS = 30_000;

  /** The longest wait between two attempts. */
  @EnvInteger(10, 24 * 3_600_000)
  WEBHOOK_RETRY_MAX_MS = 4 * 3_600_000;

  /** How long after its first attempt a delivery is retried before it fails for good (~24 h). */
  @EnvInteger(0, 7 * 24 * 3_600_000)
  WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;

  /** Longest wait for a receiver's answer; a slower one counts as a failed attempt. */
  @EnvInteger(100, 60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** A subscription is disabled after this many deliveries in a row failed after every retry. */
  @EnvInteger(1, 1000)
  WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES = 5;

  /** … or once every attempt has failed for this long. */
  @EnvInteger(1000, 30 * 24 * 3_600_000)
  WEBHOOK_DISABLE_AFTER_FAILING_MS = 5 * 24 * 3_600_000;
}
