import { createHash } from 'node:crypto';
import {
  confirmationPage,
  escapeHtml,
  methodNotAllowedPage,
  notFoundPage,
  notOneClickPage,
  tooLargePage,
  unavailablePage,
  UNSUBSCRIBE_PAGE_CSP,
  unsubscribedPage,
} from './unsubscribe-pages';

describe('unsubscribe pages', () => {
  it.each([
    [200, confirmationPage()],
    [200, unsubscribedPage()],
    [400, notOneClickPage()],
    [404, notFoundPage()],
    [405, methodNotAllowedPage()],
    [413, tooLargePage()],
    [503, unavailablePage()],
  ])('%i: HTML under the strict policy, with no script', (status, page) => {
    expect(page.status).toBe(status);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(UNSUBSCRIBE_PAGE_CSP);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).not.toMatch(/<script|javascript:|\son\w+=/i);
  });

  it('allows exactly the inline style the pages carry, and nothing else', () => {
    const style = /<style>(.*)<\/style>/.exec(confirmationPage().body)![1];
    const hash = createHash('sha256').update(style).digest('base64');
    expect(UNSUBSCRIBE_PAGE_CSP).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    );
  });

  it('the confirmation posts the RFC 8058 one-click body to the same URL', () => {
    expect(confirmationPage().body).toContain(
      '<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">',
    );
  });

  it('a 503 says when to retry; a 405 says what is allowed', () => {
    expect(unavailablePage().headers['retry-after']).toBe('1');
    expect(methodNotAllowedPage().headers.allow).toBe('GET, HEAD, POST');
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"x' & y`, '&quot;x&#39; &amp; y'],
    ['plain', 'plain'],
  ])('escapes %s', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });
});
