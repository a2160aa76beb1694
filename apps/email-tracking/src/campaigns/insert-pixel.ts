const CLOSING_BODY = /<\/body\s*>/gi;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The tracking image: 1×1, no alt text, no border, so it never shows or shifts the layout. */
export function pixelImageTag(url: string): string {
  return `<img src="${escapeAttribute(url)}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px" />`;
}

/** Puts the pixel right before the last `</body>` (any case), or at the end when there is none. */
export function insertPixel(html: string, url: string): string {
  const tag = pixelImageTag(url);
  let last = -1;
  for (const match of html.matchAll(CLOSING_BODY)) last = match.index;
  return last === -1 ? `${html}${tag}` : `${html.slice(0, last)}${tag}${html.slice(last)}`;
}
