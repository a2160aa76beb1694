import { createHmac } from 'node:crypto';
import { PixelKeyring, signPixelToken, TokenVerdict, verifyPixelToken } from './pixel-token';

/**
 * One-click unsubscribe tokens (RFC 8058): the pixel token's layout and keyring (same key ids,
 * same rotation), each key replaced by HMAC-SHA256(key, purpose). A pixel token therefore never
 * verifies as an unsubscribe token nor the reverse: a pixel URL seen by a proxy or a log cannot
 * unsubscribe anyone.
 */
const PURPOSE = 'sales-suite/unsubscribe-token/v1';

export const UNSUBSCRIBE_ROUTE_PREFIX = '/t/u/';

/** RFC 8058 §3.1: the only body a one-click unsubscribe POST carries. */
export const ONE_CLICK_FIELD = 'List-Unsubscribe';
export const ONE_CLICK_VALUE = 'One-Click';

// A cache of a pure function of the configured keys: the same on every replica.
const derived = new WeakMap<PixelKeyring, PixelKeyring>();

/** The keyring that signs unsubscribe tokens, derived once per configured keyring. */
export function unsubscribeKeyring(keyring: PixelKeyring): PixelKeyring {
  let purposeKeys = derived.get(keyring);
  if (!purposeKeys) {
    const keys = new Map<string, Buffer>();
    for (const [kid, secret] of keyring.keys)
      keys.set(kid, createHmac('sha256', secret).update(PURPOSE).digest());
    purposeKeys = { activeKeyId: keyring.activeKeyId, keys };
    derived.set(keyring, purposeKeys);
  }
  return purposeKeys;
}

export function signUnsubscribeToken(keyring: PixelKeyring, messageId: string): string {
  return signPixelToken(unsubscribeKeyring(keyring), messageId);
}

/** Checks a token in constant time; never throws, whatever the input. */
export function verifyUnsubscribeToken(keyring: PixelKeyring, token: string): TokenVerdict {
  return verifyPixelToken(unsubscribeKeyring(keyring), token);
}

export function unsubscribeUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${UNSUBSCRIBE_ROUTE_PREFIX}${token}`;
}

/**
 * The RFC 2369 `List-Unsubscribe` and RFC 8058 `List-Unsubscribe-Post` header values: the HTTPS
 * URL first (one-click needs it), then a mailto when one is configured, whose subject carries the
 * token so that whoever reads that mailbox can act on it.
 */
export function listUnsubscribeHeaders(
  url: string,
  token: string,
  mailto: string | undefined,
): Record<'List-Unsubscribe' | 'List-Unsubscribe-Post', string> {
  const targets = [`<${url}>`];
  if (mailto) targets.push(`<mailto:${mailto}?subject=unsubscribe%20${token}>`);
  return {
    'List-Unsubscribe': targets.join(', '),
    'List-Unsubscribe-Post': `${ONE_CLICK_FIELD}=${ONE_CLICK_VALUE}`,
  };
}
