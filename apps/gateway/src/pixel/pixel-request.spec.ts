import {
  CLICK_NOT_FOUND_HEADERS,
  CLICK_NOT_FOUND_PAGE,
  clickRedirectHeaders,
  firstHeader,
  isPrefetch,
  PIXEL_RESPONSE_HEADERS,
  tokenFromFileName,
  TRANSPARENT_GIF,
} from './pixel-request';

describe('TRANSPARENT_GIF', () => {
  it('is the 43-byte GIF89a 1×1 image, announced with its exact length', () => {
    expect(TRANSPARENT_GIF).toHaveLength(43);
    expect(TRANSPARENT_GIF.subarray(0, 6).toString('ascii')).toBe('GIF89a');
    expect(TRANSPARENT_GIF.readUInt16LE(6)).toBe(1);
    expect(TRANSPARENT_GIF.readUInt16LE(8)).toBe(1);
    expect(TRANSPARENT_GIF[42]).toBe(0x3b);
    expect(PIXEL_RESPONSE_HEADERS['content-length']).toBe('43');
  });
});

describe('isPrefetch', () => {
  it.each([
    [{}, false],
    [{ 'user-agent': 'Mozilla/5.0 prefetch-lover' }, false],
    [{ purpose: 'prefetch' }, true],
    [{ 'sec-purpose': 'prefetch;prerender' }, true],
    [{ 'sec-purpose': 'prefetch' }, true],
    [{ 'x-purpose': 'preview' }, true],
    [{ 'x-moz': 'prefetch' }, true],
    [{ 'x-moz': ['other', 'prefetch'] }, true],
    [{ purpose: 'navigate' }, false],
  ])('%j → %s', (headers, expected) => {
    expect(isPrefetch(headers)).toBe(expected);
  });
});

describe('tokenFromFileName', () => {
  it.each([
    ['abc.gif', 'abc'],
    ['a.b.gif', 'a.b'],
    ['.gif', ''],
    ['abc.png', null],
    ['abc', null],
    ['abc.GIF', null],
  ])('%s → %j', (file, expected) => {
    expect(tokenFromFileName(file)).toBe(expected);
  });
});

describe('firstHeader', () => {
  it.each([
    [undefined, ''],
    ['a', 'a'],
    [['a', 'b'], 'a'],
  ])('%j → %j', (value, expected) => {
    expect(firstHeader(value)).toBe(expected);
  });
});

describe('click answers', () => {
  it('redirects with no body, no caching and no referrer', () => {
    expect(clickRedirectHeaders('https://shop.example/a?b=1')).toEqual({
      location: 'https://shop.example/a?b=1',
      'content-length': '0',
      'cache-control': 'no-store, private',
      'referrer-policy': 'no-referrer',
    });
  });

  it('answers a bad token with a small, inert HTML page of the announced length', () => {
    expect(CLICK_NOT_FOUND_PAGE.toString()).toContain('This link is not valid or has expired.');
    expect(CLICK_NOT_FOUND_HEADERS['content-length']).toBe(String(CLICK_NOT_FOUND_PAGE.length));
    expect(CLICK_NOT_FOUND_HEADERS['content-security-policy']).toBe("default-src 'none'");
    expect(CLICK_NOT_FOUND_HEADERS).not.toHaveProperty('location');
  });
});
