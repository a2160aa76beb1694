import { createVerify, KeyObject } from 'node:crypto';
import { WebhookRefused } from './webhook-signatures';

/** An SNS HTTP(S) message: the envelope SNS posts for SES notifications and subscriptions. */
export interface SnsMessage {
  Type: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: '1' | '2';
  Signature: string;
  SigningCertURL: string;
  Subject?: string;
  Token?: string;
  SubscribeURL?: string;
}

const TYPES = ['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation'];
const REQUIRED = [
  'MessageId',
  'TopicArn',
  'Message',
  'Timestamp',
  'Signature',
  'SigningCertURL',
] as const;
/** The fields signed, in the order AWS documents, per message type. */
const NOTIFICATION_FIELDS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'];
const SUBSCRIPTION_FIELDS = [
  'Message',
  'MessageId',
  'SubscribeURL',
  'Timestamp',
  'Token',
  'TopicArn',
  'Type',
];
const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/** The body as an SNS message, or refused naming what is wrong. */
export function parseSnsMessage(body: unknown): SnsMessage {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new WebhookRefused('malformed', 'the body must be an SNS message object');
  const message = body as Record<string, unknown>;
  if (!TYPES.includes(message.Type as string))
    throw new WebhookRefused('malformed', `Type must be one of ${TYPES.join(', ')}`);
  for (const field of REQUIRED)
    if (typeof message[field] !== 'string')
      throw new WebhookRefused('malformed', `${field} must be a string`);
  if (message.SignatureVersion !== '1' && message.SignatureVersion !== '2')
    throw new WebhookRefused('malformed', 'SignatureVersion must be "1" or "2"');
  if (message.Type !== 'Notification' && typeof message.SubscribeURL !== 'string')
    throw new WebhookRefused('malformed', 'SubscribeURL must be a string');
  return message as unknown as SnsMessage;
}

/** The string SNS signs: `name\nvalue\n` for each signed field present, in the documented order. */
export function snsStringToSign(message: SnsMessage): string {
  const fields = message.Type === 'Notification' ? NOTIFICATION_FIELDS : SUBSCRIPTION_FIELDS;
  const values = message as unknown as Record<string, string | undefined>;
  return fields
    .filter((field) => values[field] !== undefined)
    .map((field) => `${field}\n${values[field]}\n`)
    .join('');
}

export function verifySnsSignature(message: SnsMessage, certificateKey: KeyObject): void {
  const algorithm = message.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256';
  const verifier = createVerify(algorithm).update(snsStringToSign(message), 'utf8');
  if (!verifier.verify(certificateKey, message.Signature, 'base64'))
    throw new WebhookRefused('bad_signature', 'the SNS signature does not match');
}

/**
 * SNS certificate and subscription URLs must be https on an `sns.<region>.amazonaws.com` host;
 * `extraTrustedOrigin` (tests only) adds one more exact origin.
 */
export function isTrustedSnsUrl(url: string, extraTrustedOrigin?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (extraTrustedOrigin && parsed.origin === new URL(extraTrustedOrigin).origin) return true;
  return parsed.protocol === 'https:' && parsed.port === '' && SNS_HOST.test(parsed.hostname);
}

export function requireTrustedCertificateUrl(url: string, extraTrustedOrigin?: string): void {
  if (!isTrustedSnsUrl(url, extraTrustedOrigin) || !new URL(url).pathname.endsWith('.pem'))
    throw new WebhookRefused(
      'untrusted_certificate_url',
      'SigningCertURL must be an https .pem URL on an sns.<region>.amazonaws.com host',
    );
}
