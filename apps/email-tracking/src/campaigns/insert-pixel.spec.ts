import { insertPixel, pixelImageTag } from './insert-pixel';

const URL = 'https://t.example.com/t/o/abc.gif';
const TAG = pixelImageTag(URL);

describe('insertPixel', () => {
  it.each([
    ['<html><body><p>Hi</p></body></html>', `<html><body><p>Hi</p>${TAG}</body></html>`],
    ['<HTML><BODY>Hi</BODY></HTML>', `<HTML><BODY>Hi${TAG}</BODY></HTML>`],
    ['<body>Hi</body >', `<body>Hi${TAG}</body >`],
    ['<p>no body tag</p>', `<p>no body tag</p>${TAG}`],
    [
      '<body><pre>&lt;/body&gt; quoted</body></pre></body>',
      `<body><pre>&lt;/body&gt; quoted</body></pre>${TAG}</body>`,
    ],
  ])('%s', (html, expected) => {
    expect(insertPixel(html, URL)).toBe(expected);
  });

  it('escapes the URL as an attribute value', () => {
    expect(pixelImageTag('https://x/?a=1&b="2"')).toContain(
      'src="https://x/?a=1&amp;b=&quot;2&quot;"',
    );
    expect(TAG).toBe(
      `<img src="${URL}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px" />`,
    );
  });
});
