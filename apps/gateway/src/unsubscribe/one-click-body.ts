import { ONE_CLICK_FIELD, ONE_CLICK_VALUE } from '@sales-suite/contracts/core';

/** Largest unsubscribe body read: the one-click body is 26 bytes, a multipart one a few hundred. */
export const MAX_ONE_CLICK_BODY_BYTES = 4096;

/**
 * Whether a POST body is RFC 8058's one-click request: the field `List-Unsubscribe` with the value
 * `One-Click`, form-urlencoded or multipart/form-data (§3.1 allows both).
 */
export function isOneClickBody(contentType: string | undefined, body: string): boolean {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded')
    return new URLSearchParams(body).getAll(ONE_CLICK_FIELD).includes(ONE_CLICK_VALUE);
  if (mediaType === 'multipart/form-data') {
    const boundary = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType ?? '');
    if (!boundary) return false;
    return multipartFields(body, boundary[1] ?? boundary[2]).some(
      ([name, value]) => name === ONE_CLICK_FIELD && value === ONE_CLICK_VALUE,
    );
  }
  return false;
}

/** The plain fields (no file parts) of a multipart body, as [name, value]. */
function multipartFields(body: string, boundary: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const part of body.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const disposition = /^content-disposition:\s*form-data\s*;(.*)$/im.exec(headers);
    if (!disposition || /filename\*?=/i.test(disposition[1])) continue;
    const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition[1]);
    if (!name) continue;
    fields.push([name[1], part.slice(headerEnd + 4).replace(/\r\n$/, '')]);
  }
  return fields;
}
