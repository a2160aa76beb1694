import { hash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'ssk_';
const DISPLAY_PREFIX_LENGTH = 12;

/** A new secret key: `ssk_` and 256 random bits, URL-safe. */
export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Once per request (the verdict cache is keyed by it): the one-shot hash, a fifth of a Hash object's cost. */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** What listings show: enough to recognise a key, useless to use it. */
export function displayPrefix(key: string): string {
  return key.slice(0, DISPLAY_PREFIX_LENGTH);
}

/** Reads the key from `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function presentedApiKey(
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S{1,512})$/i.exec(authorization.trim());
    if (match) return match[1];
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.length > 0 && apiKey.length <= 512
    ? apiKey.trim()
    : undefined;
}
