import { ConfigService } from '@nestjs/config';
import { InvalidConfigurationError, validateEnv } from '@sales-suite/config';
import { generateKeyPairSync } from 'node:crypto';
import { GatewayEnv } from './gateway.env';
import { espWebhookConfig } from '../email/esp/esp-webhook-config';

const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
const EC_DER = ec.export({ format: 'der', type: 'spki' }).toString('base64');
const EC_PEM = ec.export({ format: 'pem', type: 'spki' }).toString();
const RSA_DER = rsa.export({ format: 'der', type: 'spki' }).toString('base64');
const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:ses-events';

function problems(env: Record<string, string>): string[] {
  try {
    validateEnv(GatewayEnv, env);
    return [];
  } catch (error) {
    const names = (error as InvalidConfigurationError).problems.map(
      (problem) => problem.split(':')[0],
    );
    return [...new Set(names)];
  }
}

describe('ESP webhook settings are validated at startup', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['none set: every provider off', {}, []],
    ['SendGrid key as base64 DER', { SENDGRID_WEBHOOK_PUBLIC_KEY: EC_DER }, []],
    ['SendGrid key as PEM', { SENDGRID_WEBHOOK_PUBLIC_KEY: EC_PEM }, []],
    [
      'SendGrid key that is RSA',
      { SENDGRID_WEBHOOK_PUBLIC_KEY: RSA_DER },
      ['SENDGRID_WEBHOOK_PUBLIC_KEY'],
    ],
    [
      'SendGrid key that is noise',
      { SENDGRID_WEBHOOK_PUBLIC_KEY: 'abc' },
      ['SENDGRID_WEBHOOK_PUBLIC_KEY'],
    ],
    [
      'Mailgun key too short',
      { MAILGUN_WEBHOOK_SIGNING_KEY: 'short' },
      ['MAILGUN_WEBHOOK_SIGNING_KEY'],
    ],
    [
      'Postmark user without password',
      { POSTMARK_WEBHOOK_USERNAME: 'hook' },
      ['POSTMARK_WEBHOOK_PASSWORD'],
    ],
    [
      'Postmark password without user',
      { POSTMARK_WEBHOOK_PASSWORD: 'a-long-enough-password' },
      ['POSTMARK_WEBHOOK_USERNAME'],
    ],
    [
      'Postmark user with a colon',
      { POSTMARK_WEBHOOK_USERNAME: 'a:b', POSTMARK_WEBHOOK_PASSWORD: 'a-long-enough-password' },
      ['POSTMARK_WEBHOOK_USERNAME'],
    ],
    ['two topics', { SES_SNS_TOPIC_ARNS: `${TOPIC},arn:aws:sns:us-east-1:123456789012:other` }, []],
    [
      'a topic that is not an SNS ARN',
      { SES_SNS_TOPIC_ARNS: 'arn:aws:sqs:eu-west-1:123456789012:q' },
      ['SES_SNS_TOPIC_ARNS'],
    ],
    [
      'an extra origin that is not a URL',
      { SES_SNS_EXTRA_TRUSTED_ORIGIN: 'localhost' },
      ['SES_SNS_EXTRA_TRUSTED_ORIGIN'],
    ],
  ])('%s', (_name, env, expected) => {
    expect(problems(env)).toEqual(expected);
  });

  it('turns on exactly the providers that have settings', () => {
    const env = validateEnv(GatewayEnv, {
      MAILGUN_WEBHOOK_SIGNING_KEY: 'key-0123456789abcdef',
      SES_SNS_TOPIC_ARNS: TOPIC,
    });
    const config = espWebhookConfig(new ConfigService(env as unknown as Record<string, unknown>));
    expect(Object.keys(config).sort()).toEqual(['mailgun', 'ses']);
    expect(config.ses?.topicArns).toEqual(new Set([TOPIC]));
  });
});
