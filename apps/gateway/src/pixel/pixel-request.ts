/** The 43-byte transparent 1×1 GIF every pixel request gets, whatever its token. */
export const TRANSPARENT_GIF = Buffer.from(
  'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==',
  'base64',
);

export const PIXEL_RESPONSE_HEADERS = {
  'content-type': 'image/gif',
  'content-length': String(TRANSPARENT_GIF.length),
  'cache-control': 'no-store, private',
  // Webmail shows the image from another origin: the default same-origin policy would block it.
  'cross-origin-resource-policy': 'cross-origin',
} as const;

type Headers = Record<string, string | string[] | undefined>;

/** Browsers and mail clients announce speculative fetches; those are not opens. */
const PREFETCH_HEADERS = ['purpose', 'sec-purpose', 'x-purpose', 'x-moz'];

export function isPrefetch(headers: Headers): boolean {
  return PREFETCH_HEADERS.some((name) => {
    const value = headers[name];
    const text = Array.isArray(value) ? value.join(',') : value;
    return text !== undefined && /prefetch|preview|prerender/i.test(text);
  });
}

/** `<token>.gif` → token; anything else (no or another extension) is not a pixel. */
export function tokenFromFileName(fileName: string): string | null {
  return fileName.endsWith('.gif') ? fileName.slice(0, -'.gif'.length) : null;
}

export function firstHeader(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** A click's answer: straight to the link, never cached (each click must reach us). */
export function clickRedirectHeaders(url: string): Record<string, string> {
  return {
    location: url,
    'content-length': '0',
    'cache-control': 'no-store, private',
    // The tracking URL (with its token) is not the link's business.
    'referrer-policy': 'no-referrer',
  };
}

/** What a broken, forged or expired click link shows: never a redirect, nothing from the request. */
export const CLICK_NOT_FOUND_PAGE = Buffer.from(
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Link not found</title>' +
    '<p>This link is not valid or has expired.</p></html>\n',
);

export const CLICK_NOT_FOUND_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-length': String(CLICK_NOT_FOUND_PAGE.length),
  'cache-control': 'no-store, private',
  'content-security-policy': "default-src 'none'",
  'x-content-type-options': 'nosniff',
} as const;
