import { redirectableUrl } from '@sales-suite/contracts/core';
import { Tokenizer } from 'htmlparser2';

/** Elements whose `href` a reader follows. `<base>` is not one: it is never rewritten. */
const LINK_ELEMENTS = new Set(['a', 'area']);

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The link a click should be recorded for, as it will be signed and redirected to (canonical
 * absolute http or https URL), or null to leave it alone: `mailto:`, `tel:`, in-page anchors,
 * relative links (a `<base>` tag is ignored on purpose: mail clients disagree on it), anything
 * over-long, and our own tracking links under `<PUBLIC_BASE_URL>/t/` (the unsubscribe link,
 * an already rewritten link).
 */
export function trackableLink(href: string, publicBaseUrl: string): string | null {
  const url = redirectableUrl(href);
  if (url === null) return null;
  const own = redirectableUrl(`${publicBaseUrl.replace(/\/+$/, '')}/t/`);
  return own !== null && url.startsWith(own) ? null : url;
}

/**
 * Replaces the `href` of every `<a>` and `<area>` tag (any case, any quote style, entities
 * decoded) by what `rewrite` answers for it, leaving the link as it was when it answers null.
 * Uses htmlparser2's tokenizer, so links inside comments, scripts, styles or attribute values
 * are never touched; one pass, output built from slices (linear in the document's length).
 * Only the first `href` of a tag counts, as in browsers. A rewritten value is written double-quoted.
 */
export function rewriteLinks(
  html: string,
  rewrite: (href: string) => string | null,
): { html: string; rewritten: number } {
  const parts: string[] = [];
  let copied = 0;
  let rewritten = 0;
  let tag = '';
  let attribute = '';
  let nameEnd = 0;
  let value = '';
  let hrefSeen = false;
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = html.slice(start, end).toLowerCase();
        hrefSeen = false;
      },
      onattribname(start, end) {
        attribute = html.slice(start, end).toLowerCase();
        nameEnd = end;
        value = '';
      },
      onattribdata: (start, end) => (value += html.slice(start, end)),
      onattribentity: (codepoint) => (value += String.fromCodePoint(codepoint)),
      onattribend(quote, endIndex) {
        if (!LINK_ELEMENTS.has(tag) || attribute !== 'href' || hrefSeen) return;
        hrefSeen = true;
        if (quote === 0) return; // QuoteType.NoValue: a bare `href`
        const replacement = rewrite(value);
        if (replacement === null) return;
        let valueStart = html.indexOf('=', nameEnd) + 1;
        while (/\s/.test(html[valueStart])) valueStart++;
        parts.push(html.slice(copied, valueStart), `"${escapeAttribute(replacement)}"`);
        copied = endIndex;
        rewritten++;
      },
      onopentagend: () => (tag = ''),
      onselfclosingtag: () => (tag = ''),
      onclosetag: () => undefined,
      oncomment: () => undefined,
      oncdata: () => undefined,
      ontext: () => undefined,
      ontextentity: () => undefined,
      ondeclaration: () => undefined,
      onprocessinginstruction: () => undefined,
      onend: () => undefined,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  parts.push(html.slice(copied));
  return { html: parts.join(''), rewritten };
}
