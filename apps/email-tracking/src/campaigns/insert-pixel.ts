import { Tokenizer } from 'htmlparser2';

/**
 * Elements whose content a mail client never shows as markup: raw text (script, style, textarea,
 * title, …) or inert (template). A pixel inside one would never load, or would break the script.
 */
const NO_PIXEL_ELEMENTS = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'template',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The tracking image: 1×1, no alt text, no border, so it never shows or shifts the layout. */
export function pixelImageTag(url: string): string {
  return `<img src="${escapeAttribute(url)}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px" />`;
}

/**
 * Where the pixel goes, found with a real HTML tokenizer (htmlparser2) so that comments, scripts,
 * styles and the like are never mistaken for markup: right before the last `</body>` tag (any
 * case) that is outside every element of NO_PIXEL_ELEMENTS; without one, at the end of the
 * document — or, when the document ends inside an unclosed comment, one of those elements or a
 * truncated tag, right before where that starts.
 */
export function pixelPosition(html: string): number {
  const open: { name: string; start: number }[] = [];
  let beforeClosingBody = -1;
  let complete = 0; // end of the last complete token
  let unclosedCommentStart = html.length;
  const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: false },
    {
      onopentagname(start, end) {
        const tag = name(start, end);
        if (NO_PIXEL_ELEMENTS.has(tag)) open.push({ name: tag, start: start - 1 });
      },
      onopentagend: (end) => (complete = end + 1),
      onselfclosingtag: (end) => (complete = end + 1),
      onclosetag(start, end) {
        const tag = name(start, end);
        if (tag === 'body' && open.length === 0) beforeClosingBody = start - 2;
        const index = open.map((element) => element.name).lastIndexOf(tag);
        if (index !== -1) open.length = index;
        complete = html.indexOf('>', end) + 1;
      },
      oncomment(start, end, endOffset) {
        if (endOffset === 0) unclosedCommentStart = Math.min(unclosedCommentStart, start - 4);
        else complete = end + 1;
      },
      oncdata(start, end, endOffset) {
        if (endOffset === 0) unclosedCommentStart = Math.min(unclosedCommentStart, start - 9);
        else complete = end + 1;
      },
      ontext: (_start, end) => (complete = end),
      ondeclaration: (_start, end) => (complete = end + 1),
      onprocessinginstruction: (_start, end) => (complete = end + 1),
      onattribdata: () => undefined,
      onattribentity: () => undefined,
      onattribend: () => undefined,
      onattribname: () => undefined,
      ontextentity: () => undefined,
      onend: () => undefined,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (beforeClosingBody !== -1) return beforeClosingBody;
  return Math.min(complete, unclosedCommentStart, open[0]?.start ?? html.length);
}

/** The HTML with the pixel where pixelPosition says. */
export function insertPixel(html: string, url: string): string {
  const position = pixelPosition(html);
  return `${html.slice(0, position)}${pixelImageTag(url)}${html.slice(position)}`;
}
