import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PixelKeyring, TokenRejection } from './pixel-token';

/**
 * Click tokens, signed with the pixel keyring (same key ids, same rotation):
 * `base64url(version=2 | kidLength | kid | messageId(16 bytes) | url (UTF-8) | mac(16 bytes))`,
 * mac = HMAC-SHA256 over everything before it, truncated to 128 bits. The link travels inside
 * the token, so the redirect needs no database; the version byte differs from pixel tokens' (1)
 * and is signed, so one kind of token is never accepted as the other. A token whose key was
 * retired no longer verifies (`unknown_key`): that is how click links expire.
 */
const TOKEN_VERSION = 2;
const MESSAGE_ID_BYTES = 16;
const MAC_BYTES = 16;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Longest link that is rewritten (longer ones stay as they are): tokens stay under ~2.8 kB. */
export const MAX_CLICK_URL_LENGTH = 2048;
/** Longer inputs are refused before decoding. */
const MAX_TOKEN_LENGTH = Math.ceil(
  ((2 + 32 + MESSAGE_ID_BYTES + MAX_CLICK_URL_LENGTH + MAC_BYTES) * 4) / 3,
);

export type ClickTokenVerdict =
  | { valid: true; messageId: string; url: string; keyId: string }
  | { valid: false; reason: TokenRejection | 'unsafe_url' };

/**
 * The link as it will be signed and redirected to: an absolute http(s) URL in its canonical,
 * ASCII-only form (WHATWG serialisation), or null for anything else (mailto:, javascript:,
 * relative, over-long). Only such a URL can ever be a redirect target.
 */
export function redirectableUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const href = url.href;
  // WHATWG serialisation percent-encodes all but printable ASCII; checked anyway: it becomes a header.
  if (href.length > MAX_CLICK_URL_LENGTH || !/^[\x21-\x7e]+$/.test(href)) return null;
  return href;
}

function mac(key: Buffer, signed: Buffer): Buffer {
  return createHmac('sha256', key).update(signed).digest().subarray(0, MAC_BYTES);
}

/** Signs a message id and a link (as `redirectableUrl` gives it) with the active key. */
export function signClickToken(keyring: PixelKeyring, messageId: string, url: string): string {
  if (!UUID_PATTERN.test(messageId)) throw new Error('Not a message id');
  if (redirectableUrl(url) !== url) throw new Error('Not a canonical http(s) URL');
  const kid = Buffer.from(keyring.activeKeyId, 'ascii');
  const signed = Buffer.concat([
    Buffer.from([TOKEN_VERSION, kid.length]),
    kid,
    Buffer.from(messageId.replace(/-/g, ''), 'hex'),
    Buffer.from(url, 'utf8'),
  ]);
  const key = keyring.keys.get(keyring.activeKeyId)!;
  return Buffer.concat([signed, mac(key, signed)]).toString('base64url');
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * What a verified link must look like to be redirected to: http(s), printable ASCII only (no
 * CR/LF, nothing to break the Location header). A cheap check on the hot path; signing already
 * allowed only canonical URLs (`redirectableUrl`).
 */
const SAFE_REDIRECT = /^https?:\/\/[\x21-\x7e]+$/;

/**
 * Checks a token in constant time and answers the link to redirect to; never throws. Even a
 * correctly signed token is refused (`unsafe_url`) unless its link is an http(s) URL of printable
 * ASCII, so a leaked or mis-issued key still cannot make the edge redirect to another scheme or
 * inject headers.
 */
export function verifyClickToken(keyring: PixelKeyring, token: string): ClickTokenVerdict {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token))
    return { valid: false, reason: 'malformed' };
  const bytes = Buffer.from(token, 'base64url');
  const kidLength = bytes[1] ?? 0;
  const urlStart = 2 + kidLength + MESSAGE_ID_BYTES;
  const macStart = bytes.length - MAC_BYTES;
  // Only the canonical encoding counts: stray trailing bits would make one token many URLs.
  if (
    bytes[0] !== TOKEN_VERSION ||
    kidLength === 0 ||
    macStart <= urlStart ||
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
  const url = bytes.subarray(urlStart, macStart).toString('utf8');
  if (url.length > MAX_CLICK_URL_LENGTH || !SAFE_REDIRECT.test(url))
    return { valid: false, reason: 'unsafe_url' };
  return {
    valid: true,
    keyId,
    messageId: formatUuid(bytes.subarray(2 + kidLength, urlStart)),
    url,
  };
}

/** The absolute click URL placed in the email instead of the link. */
export function clickUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/t/c/${token}`;
}
