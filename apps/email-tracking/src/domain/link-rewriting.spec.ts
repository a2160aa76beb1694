import { rewriteLinks, trackableLink } from './link-rewriting';

const BASE = 'https://track.example.com';

describe('trackableLink', () => {
  it.each([
    ['https://shop.example/offer?a=1&b=2', 'https://shop.example/offer?a=1&b=2'],
    ['HTTP://Shop.Example', 'http://shop.example/'],
    ['  https://shop.example/a b  ', 'https://shop.example/a%20b'],
    ['https://shop.example/t/shirt', 'https://shop.example/t/shirt'],
    ['mailto:sales@example.com', null],
    ['tel:+33123456789', null],
    ['#section-2', null],
    ['', null],
    ['/relative', null],
    ['javascript:void(0)', null],
    [`${BASE}/t/u/abc`, null],
    [`${BASE}/t/c/abc`, null],
    [`${BASE}/pricing`, `${BASE}/pricing`],
  ])('%j → %j', (href, expected) => {
    expect(trackableLink(href, `${BASE}/`)).toBe(expected);
  });
});

describe('rewriteLinks', () => {
  const mark = (href: string) => `https://t/${href}`;

  it.each([
    [
      'double quotes',
      '<a href="https://a.com/x">x</a>',
      '<a href="https://t/https://a.com/x">x</a>',
    ],
    [
      'single quotes, upper case',
      "<A HREF='https://a.com'>x</A>",
      '<A HREF="https://t/https://a.com">x</A>',
    ],
    ['no quotes', '<a href=https://a.com/y>x</a>', '<a href="https://t/https://a.com/y">x</a>'],
    [
      'spaces around =',
      '<a href = "https://a.com">x</a>',
      '<a href = "https://t/https://a.com">x</a>',
    ],
    [
      'entities decoded, result escaped',
      '<a href="https://a.com/?a=1&amp;b=2">x</a>',
      '<a href="https://t/https://a.com/?a=1&amp;b=2">x</a>',
    ],
    [
      'numeric entity',
      '<a href="https&#58;//a.com">x</a>',
      '<a href="https://t/https://a.com">x</a>',
    ],
    [
      'quote in the value',
      '<a href="https://a.com/&quot;q">x</a>',
      '<a href="https://t/https://a.com/&quot;q">x</a>',
    ],
    [
      'only the first href',
      '<a href="https://a.com" href="https://b.com">x</a>',
      '<a href="https://t/https://a.com" href="https://b.com">x</a>',
    ],
    [
      'area',
      '<map><area shape="rect" href="https://a.com"></map>',
      '<map><area shape="rect" href="https://t/https://a.com"></map>',
    ],
    [
      'other attributes kept',
      '<a class="btn" href="https://a.com" target=_blank>x</a>',
      '<a class="btn" href="https://t/https://a.com" target=_blank>x</a>',
    ],
    ['self-closing', '<a href="https://a.com"/>', '<a href="https://t/https://a.com"/>'],
  ])('rewrites: %s', (_what, html, expected) => {
    expect(rewriteLinks(html, mark).html).toBe(expected);
  });

  it.each([
    ['a comment', '<!-- <a href="https://a.com">x</a> -->'],
    ['a script', `<script>document.write('<a href="https://a.com">')</script>`],
    ['a style', '<style>a[href="https://a.com"] { color: red }</style>'],
    ['another attribute', '<a title="href=https://a.com">x</a>'],
    ['a base tag', '<base href="https://a.com/">'],
    ['a link tag', '<link rel="stylesheet" href="https://a.com/s.css">'],
    ['a bare href', '<a href>x</a>'],
    ['an image', '<img src="https://a.com/i.png">'],
    ['text', 'see https://a.com for details'],
  ])('leaves alone: %s', (_what, html) => {
    expect(rewriteLinks(html, mark)).toEqual({ html, rewritten: 0 });
  });

  it('keeps a link when rewrite answers null, and counts those it replaced', () => {
    const html = '<a href="mailto:x@y.z">m</a><a href="https://a.com">a</a><a href="#top">t</a>';
    const result = rewriteLinks(html, (href) => trackableLink(href, BASE) && 'R');
    expect(result).toEqual({
      html: '<a href="mailto:x@y.z">m</a><a href="R">a</a><a href="#top">t</a>',
      rewritten: 1,
    });
  });

  it('handles a truncated document and a long one in one linear pass', () => {
    expect(rewriteLinks('<p><a href="https://a.com', mark).html).toBe('<p><a href="https://a.com');
    const block =
      '<p>Hello <a href="https://a.com/p?i=1&amp;j=2">offer</a> <a href="mailto:a@b.c">m</a></p>\n';
    const html = `<html><body>${block.repeat(20_000)}</body></html>`;
    const result = rewriteLinks(html, (href) => (href.startsWith('https:') ? 'X' : null));
    expect(result.rewritten).toBe(20_000);
    expect(result.html.length).toBe(
      html.length - 20_000 * ('https://a.com/p?i=1&amp;j=2'.length - 1),
    );
  });
});
