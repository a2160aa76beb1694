/** `{{unsubscribe_url}}` (spaces inside the braces allowed), where the sender wants the link. */
const PLACEHOLDER = /\{\{\s*unsubscribe_url\s*\}\}/g;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Puts the unsubscribe URL wherever the HTML has the placeholder, escaped for HTML text and
 * quoted attributes alike (the URL comes from configuration, never from the request).
 */
export function insertUnsubscribeUrl(html: string, url: string): string {
  const escaped = url.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
  return html.replace(PLACEHOLDER, () => escaped);
}
