import { createHash, createHmac, KeyObject, timingSafeEqual, verify } from 'node:crypto';

/**
 * Pure checks of each provider's webhook authentication. They need the request exactly as sent
 * (SendGrid signs the raw bytes), which is why they run at the gateway, the only place that has
 * them; the service receives the verified, parsed payload.
 */

/** Why a webhook was refused; also the `reason` label of the refusal counter (a bounded set). */
export type WebhookRefusal =
  | 'missing_signature'
  | 'bad_signature'
  | 'untrusted_certificate_url'
  | 'unknown_topic'
  | 'bad_credentials'
  | 'malformed';

export class WebhookRefused extends Error {
  constructor(
    readonly reason: WebhookRefusal,
    detail: string,
  ) {
    super(detail);
    this.name = 'WebhookRefused';
  }
}

function sameSecret(a: string, b: string): boolean {
  // Digests first: equal lengths for timingSafeEqual, and no early exit on the length.
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** SendGrid: ECDSA P-256/SHA-256 over the timestamp header followed by the raw body. */
export function verifySendGrid(
  publicKey: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  rawBody: Buffer,
): void {
  if (!signature || !timestamp)
    throw new WebhookRefused(
      'missing_signature',
      'X-Twilio-Email-Event-Webhook-Signature and -Timestamp are required',
    );
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]);
  if (!verify('sha256', signed, publicKey, Buffer.from(signature, 'base64')))
    throw new WebhookRefused('bad_signature', 'the SendGrid signature does not match the body');
}

/** Mailgun: hex HMAC-SHA256 of `timestamp + token` with the webhook signing key, in the body. */
export function verifyMailgun(signingKey: string, body: unknown): void {
  const signature =
    typeof body === 'object' && body !== null
      ? (body as { signature?: Record<string, unknown> }).signature
      : undefined;
  const { timestamp, token, signature: hex } = signature ?? {};
  if (typeof timestamp !== 'string' || typeof token !== 'string' || typeof hex !== 'string')
    throw new WebhookRefused(
      'missing_signature',
      'signature.timestamp, signature.token and signature.signature are required',
    );
  const expected = createHmac('sha256', signingKey)
    .update(timestamp + token)
    .digest('hex');
  if (!sameSecret(expected, hex.toLowerCase()))
    throw new WebhookRefused('bad_signature', 'the Mailgun signature does not match');
}

/** Postmark: HTTP basic authentication with the credentials configured on the webhook. */
export function verifyPostmark(
  expected: { username: string; password: string },
  authorization: string | undefined,
): void {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) throw new WebhookRefused('missing_signature', 'basic authentication is required');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  // Both compared whatever the first says, so timing does not tell which one was wrong.
  const userOk = sameSecret(username, expected.username);
  const passwordOk = sameSecret(password, expected.password);
  if (!(userOk && passwordOk))
    throw new WebhookRefused('bad_credentials', 'the Postmark credentials do not match');
}

/**
 * Postmark's bounce `ID` is a 64-bit integer: JSON numbers lose digits past 2^53, so two
 * bounces could share an id. Top-level and nested `"ID": <digits>` become strings before parsing.
 */
export function parsePostmarkBody(raw: string): unknown {
  return JSON.parse(raw.replace(/(?<!\\)("ID"\s*:\s*)(-?\d+)(?=\s*[,}])/g, '$1"$2"'));
}
