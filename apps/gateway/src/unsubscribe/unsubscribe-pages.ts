import { createHash } from 'node:crypto';

/** What a `/t/u/` request is answered: a small self-contained HTML page. */
export interface UnsubscribePage {
  status: 200 | 400 | 404 | 405 | 413 | 503;
  headers: Record<string, string>;
  body: string;
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}' +
  'button{font:inherit;padding:.5rem 1.25rem;cursor:pointer}';

/**
 * Nothing but the one inline style (by hash) may load; the form may post only to this origin; the
 * page cannot be framed (no click-jacking of the button) and sends no referrer (the URL holds
 * the token).
 */
export const UNSUBSCRIBE_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': UNSUBSCRIBE_PAGE_CSP,
  'cache-control': 'no-store, private',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'x-robots-tag': 'noindex, nofollow',
};

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

function page(
  status: UnsubscribePage['status'],
  title: string,
  content: string,
  extraHeaders: Record<string, string> = {},
): UnsubscribePage {
  const body =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex,nofollow"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${content}</body></html>`;
  return { status, headers: { ...PAGE_HEADERS, ...extraHeaders }, body };
}

/**
 * GET: asks for a confirmation and changes nothing (link scanners fetch every URL of a message).
 * The button posts the RFC 8058 one-click body to the same URL.
 */
export function confirmationPage(): UnsubscribePage {
  return page(
    200,
    'Unsubscribe',
    '<p>Do you want to stop receiving these emails?</p>' +
      '<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">' +
      '<button type="submit">Unsubscribe</button></form>',
  );
}

export function unsubscribedPage(): UnsubscribePage {
  return page(200, 'You are unsubscribed', '<p>You will not receive these emails any more.</p>');
}

/** A forged, broken, retired or unknown link: nothing to say about it, and no redirect. */
export function notFoundPage(): UnsubscribePage {
  return page(404, 'Link not found', '<p>This unsubscribe link is not valid.</p>');
}

export function notOneClickPage(): UnsubscribePage {
  return page(
    400,
    'Not an unsubscribe request',
    '<p>An unsubscribe request carries <code>List-Unsubscribe=One-Click</code>. Open the link and use its button.</p>',
  );
}

export function methodNotAllowedPage(): UnsubscribePage {
  return page(405, 'Method not allowed', '<p>Open the link, then use its button.</p>', {
    allow: 'GET, HEAD, POST',
  });
}

export function tooLargePage(): UnsubscribePage {
  return page(413, 'Request too large', '<p>An unsubscribe request is a few bytes.</p>');
}

/** The unsubscribe could not be recorded now: nothing was, and the client may retry. */
export function unavailablePage(): UnsubscribePage {
  return page(
    503,
    'Please try again',
    '<p>Your request could not be recorded just now. Please try again in a moment.</p>',
    { 'retry-after': '1' },
  );
}
