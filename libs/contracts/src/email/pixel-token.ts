import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Pixel tokens: `base64url(version | kidLength | kid | messageId(16 bytes) | mac(16 bytes))`, where
 * mac is HMAC-SHA256 over everything before it, truncated to 128 bits. The key id travels inside
 * so that keys can rotate: old tokens keep verifying while their key is still configured, and
 * stop (as `unknown_key`) once it is retired. Verification needs no database.
 */
const TOKEN_VERSION = 1;
const MESSAGE_ID_BYTES = 16;
const MAC_BYTES = 16;
const MIN_SECRET_BYTES = 32;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Longer inputs are refused before decoding (a valid token with a 32-char kid is 90 chars). */
const MAX_TOKEN_LENGTH = 128;

/** Format of `PIXEL_SIGNING_KEYS`: `kid:base64secret` pairs separated by commas. */
export const PIXEL_SIGNING_KEYS_PATTERN =
  /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/_-]+={0,2}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/_-]+={0,2})*$/;

/**
 * Built-in key for tests and for apps started by hand without configuration (`npm start` generates
 * its own). Apps log a warning when it is in use, and refuse it with NODE_ENV=production: anyone
 * can forge pixels signed with it.
 */
export const DEVELOPMENT_PIXEL_KEY_ID = 'dev';
export const DEVELOPMENT_PIXEL_SIGNING_KEYS =
  'dev:ZGV2ZWxvcG1lbnQtb25seS1waXhlbC1zaWduaW5nLWtleS1kby1ub3QtdXNl';

export interface PixelKeyring {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export type TokenRejection = 'malformed' | 'unknown_key' | 'bad_signature';
export type TokenVerdict =
  { valid: true; messageId: string; keyId: string } | { valid: false; reason: TokenRejection };

/** Parses and checks the key configuration; throws naming the problem (called at boot). */
export function parsePixelKeyring(keysSetting: string, activeKeyId: string): PixelKeyring {
  if (!PIXEL_SIGNING_KEYS_PATTERN.test(keysSetting))
    throw new Error('PIXEL_SIGNING_KEYS must be kid:base64secret pairs separated by commas');
  const keys = new Map<string, Buffer>();
  for (const pair of keysSetting.split(',')) {
    const [kid, secret] = pair.split(':');
    if (keys.has(kid)) throw new Error(`PIXEL_SIGNING_KEYS names the key id "${kid}" twice`);
    const bytes = Buffer.from(secret, 'base64');
    if (bytes.length < MIN_SECRET_BYTES)
      throw new Error(`Pixel signing key "${kid}" must be at least ${MIN_SECRET_BYTES} bytes`);
    keys.set(kid, bytes);
  }
  if (!keys.has(activeKeyId))
    throw new Error(`PIXEL_SIGNING_KEY_ID "${activeKeyId}" is not in PIXEL_SIGNING_KEYS`);
  return { activeKeyId, keys };
}

/** True when the built-in development key is configured (apps warn: pixels can be forged). */
export function usesDevelopmentKey(keyring: PixelKeyring): boolean {
  const developmentSecret = DEVELOPMENT_PIXEL_SIGNING_KEYS.split(':')[1];
  return (
    keyring.keys.get(DEVELOPMENT_PIXEL_KEY_ID)?.equals(Buffer.from(developmentSecret, 'base64')) ??
    false
  );
}

/**
 * The keyring from the configuration, checked at boot. Without PIXEL_SIGNING_KEYS the development
 * key is used (with a warning through `warn`); with NODE_ENV=production a missing or development
 * key throws instead, naming the variable.
 */
export function loadPixelKeyring(
  keysSetting: string | undefined,
  activeKeyId: string,
  { production }: { production: boolean },
  warn: (message: string) => void,
): PixelKeyring {
  if (keysSetting === undefined && production)
    throw new Error(
      'PIXEL_SIGNING_KEYS is not set: with NODE_ENV=production configure your own pixel signing keys (kid:base64secret, at least 32 random bytes) and PIXEL_SIGNING_KEY_ID',
    );
  const keyring = parsePixelKeyring(keysSetting ?? DEVELOPMENT_PIXEL_SIGNING_KEYS, activeKeyId);
  if (usesDevelopmentKey(keyring)) {
    if (production)
      throw new Error(
        'PIXEL_SIGNING_KEYS holds the built-in development key, refused with NODE_ENV=production: anyone can forge pixel tokens with it. Configure your own keys.',
      );
    warn(
      'PIXEL_SIGNING_KEYS holds the built-in development key: anyone can forge pixel tokens. Configure your own keys outside development.',
    );
  }
  return keyring;
}

function mac(key: Buffer, signed: Buffer): Buffer {
  return createHmac('sha256', key).update(signed).digest().subarray(0, MAC_BYTES);
}

/** Signs a message id (a UUID) with the active key. */
export function signPixelToken(keyring: PixelKeyring, messageId: string): string {
  if (!UUID_PATTERN.test(messageId)) throw new Error(`Not a UUID: ${messageId}`);
  const kid = Buffer.from(keyring.activeKeyId, 'ascii');
  const signed = Buffer.concat([
    Buffer.from([TOKEN_VERSION, kid.length]),
    kid,
    Buffer.from(messageId.replace(/-/g, ''), 'hex'),
  ]);
  const key = keyring.keys.get(keyring.activeKeyId)!;
  return Buffer.concat([signed, mac(key, signed)]).toString('base64url');
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Checks a token in constant time; never throws, whatever the input. */
export function verifyPixelToken(keyring: PixelKeyring, token: string): TokenVerdict {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token))
    return { valid: false, reason: 'malformed' };
  const bytes = Buffer.from(token, 'base64url');
  const kidLength = bytes[1] ?? 0;
  const macStart = 2 + kidLength + MESSAGE_ID_BYTES;
  // Only the canonical encoding counts: stray trailing bits would make one token many URLs.
  if (
    bytes[0] !== TOKEN_VERSION ||
    kidLength === 0 ||
    bytes.length !== macStart + MAC_BYTES ||
    bytes.toString('base64url') !== token
  )
    return { valid: false, reason: 'malformed' };
  const keyId = bytes.subarray(2, 2 + kidLength).toString('ascii');
  if (!KEY_ID_PATTERN.test(keyId)) return { valid: false, reason: 'malformed' };
  const key = keyring.keys.get(keyId);
  if (!key) return { valid: false, reason: 'unknown_key' };
  const signed = bytes.subarray(0, macStart);
  if (!timingSafeEqual(mac(key, signed), bytes.subarray(macStart)))
    return { valid: false, reason: 'bad_signature' };
  return { valid: true, keyId, messageId: formatUuid(bytes.subarray(2 + kidLength, macStart)) };
}

/** The absolute pixel URL for a message, as placed in the email. */
export function pixelUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/t/o/${token}.gif`;
}
