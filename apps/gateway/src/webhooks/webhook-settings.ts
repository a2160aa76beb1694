import { ConfigService } from '@nestjs/config';
import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { AllowedTargets } from './domain/target-policy';
import { DisablePolicy, RetrySchedule } from './domain/retry-schedule';
import { SecretCipher } from './domain/secret-cipher';

/** Everything the webhooks read from the environment (validated at boot by GatewayEnv). */
export class WebhookSettings {
  /** Null when WEBHOOK_SECRETS_KEY is not set: webhooks are off. */
  readonly cipher: SecretCipher | null;
  readonly allowedTargets: AllowedTargets;
  readonly retry: RetrySchedule;
  readonly disable: DisablePolicy;
  readonly timeoutMs: number;

  constructor(config: ConfigService) {
    const key = config.get<string>('WEBHOOK_SECRETS_KEY');
    this.cipher = key ? new SecretCipher(key) : null;
    this.allowedTargets = new AllowedTargets(config.get<string>('WEBHOOK_ALLOWED_TARGETS') ?? '');
    this.retry = {
      initialMs: config.getOrThrow<number>('WEBHOOK_RETRY_INITIAL_MS'),
      maxMs: config.getOrThrow<number>('WEBHOOK_RETRY_MAX_MS'),
      windowMs: config.getOrThrow<number>('WEBHOOK_RETRY_WINDOW_MS'),
    };
    this.disable = {
      afterExhaustedDeliveries: config.getOrThrow<number>(
        'WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES',
      ),
      afterFailingMs: config.getOrThrow<number>('WEBHOOK_DISABLE_AFTER_FAILING_MS'),
    };
    this.timeoutMs = config.getOrThrow<number>('WEBHOOK_TIMEOUT_MS');
  }
}

function problemOf(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

@ValidatorConstraint({ name: 'webhookSecretsKey' })
export class IsSecretsKey implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && problemOf(() => new SecretCipher(value)) === null;
  }

  defaultMessage(): string {
    return 'WEBHOOK_SECRETS_KEY must be base64 of 32 bytes (openssl rand -base64 32)';
  }
}

@ValidatorConstraint({ name: 'webhookAllowedTargets' })
export class IsAllowedTargets implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && problemOf(() => new AllowedTargets(value)) === null;
  }

  defaultMessage(args?: { value?: unknown }): string {
    return `WEBHOOK_ALLOWED_TARGETS must be comma-separated CIDRs, addresses or host names: ${problemOf(() => new AllowedTargets(String(args?.value))) ?? ''}`;
  }
}
