import { ConfigService } from '@nestjs/config';
import type { EspProvider } from '@sales-suite/contracts';
import { createPublicKey, KeyObject } from 'node:crypto';
import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

/** SendGrid shows its verification key as base64 DER (SPKI); a PEM block is taken as well. */
export function sendGridPublicKey(value: string): KeyObject {
  const key = value.includes('BEGIN PUBLIC KEY')
    ? createPublicKey(value)
    : createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ec') throw new Error('not an ECDSA key');
  return key;
}

@ValidatorConstraint({ name: 'ecdsaPublicKey' })
export class IsEcdsaPublicKey implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    try {
      sendGridPublicKey(value);
      return true;
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'must be the ECDSA public key SendGrid shows (base64 DER or PEM)';
  }
}

/** The providers this gateway accepts webhooks from, built once from the validated environment. */
export interface EspWebhookConfig {
  sendgrid?: { publicKey: KeyObject };
  mailgun?: { signingKey: string };
  postmark?: { username: string; password: string };
  ses?: { topicArns: ReadonlySet<string>; extraTrustedOrigin?: string };
}

export function espWebhookConfig(config: ConfigService): EspWebhookConfig {
  const sendGridKey = config.get<string>('SENDGRID_WEBHOOK_PUBLIC_KEY');
  const mailgunKey = config.get<string>('MAILGUN_WEBHOOK_SIGNING_KEY');
  const postmarkUser = config.get<string>('POSTMARK_WEBHOOK_USERNAME');
  const postmarkPassword = config.get<string>('POSTMARK_WEBHOOK_PASSWORD');
  const topics = config.get<string>('SES_SNS_TOPIC_ARNS');
  return {
    ...(sendGridKey ? { sendgrid: { publicKey: sendGridPublicKey(sendGridKey) } } : {}),
    ...(mailgunKey ? { mailgun: { signingKey: mailgunKey } } : {}),
    ...(postmarkUser && postmarkPassword
      ? { postmark: { username: postmarkUser, password: postmarkPassword } }
      : {}),
    ...(topics
      ? {
          ses: {
            topicArns: new Set(topics.split(',').map((arn) => arn.trim())),
            extraTrustedOrigin: config.get<string>('SES_SNS_EXTRA_TRUSTED_ORIGIN') || undefined,
          },
        }
      : {}),
  } satisfies Partial<Record<EspProvider, unknown>>;
}
