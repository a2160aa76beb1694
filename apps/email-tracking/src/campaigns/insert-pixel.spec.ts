import { insertPixel, pixelImageTag } from './insert-pixel';

const URL = 'https://t.example.com/t/o/abc.gif';
const TAG = pixelImageTag(URL);
/** Where the pixel is expected: `@` in the expected HTML. */
const at = (html: string) => html.replace('@', TAG);

describe('insertPixel', () => {
  it.each([
    [
      'before </body>',
      '<html><body><p>Hi</p></body></html>',
      '<html><body><p>Hi</p>@</body></html>',
    ],
    ['upper-case tags', '<HTML><BODY>Hi</BODY></HTML>', '<HTML><BODY>Hi@</BODY></HTML>'],
    ['a closing tag with a space', '<body>Hi</body >', '<body>Hi@</body >'],
    ['mixed case, no <body> opened', '<p>Hi</p></BoDy></html>', '<p>Hi</p>@</BoDy></html>'],
    ['no body tag: at the end', '<p>no body tag</p>', '<p>no body tag</p>@'],
    ['an empty body', '<body></body>', '<body>@</body>'],
    [
      'escaped text that reads like a tag',
      '<body><pre>&lt;/body&gt; quoted</pre></body>',
      '<body><pre>&lt;/body&gt; quoted</pre>@</body>',
    ],
    [
      'the last of several </body>',
      '<body>a</body><body>b</body>',
      '<body>a</body><body>b@</body>',
    ],
    [
      'after a comment containing </body>',
      '<body><p>Hi</p></body><!-- old footer </body> -->',
      '<body><p>Hi</p>@</body><!-- old footer </body> -->',
    ],
    [
      'a comment holding the only </body>',
      '<p>Hi</p><!-- </body> -->',
      '<p>Hi</p><!-- </body> -->@',
    ],
    [
      'a script string containing </body>',
      '<body>Hi</body><script>var s = "</body>";</script>',
      '<body>Hi@</body><script>var s = "</body>";</script>',
    ],
    [
      'a script holding the only </body>',
      '<p>Hi</p><SCRIPT>document.write("</body>")</SCRIPT>',
      '<p>Hi</p><SCRIPT>document.write("</body>")</SCRIPT>@',
    ],
    [
      'a style holding the only </body>',
      '<style>/* </body> */ p { color: red }</style><p>Hi</p>',
      '<style>/* </body> */ p { color: red }</style><p>Hi</p>@',
    ],
    [
      'title, textarea and template holding </body>',
      '<title></body></title><textarea></body></textarea><template><b></body></b></template>x',
      '<title></body></title><textarea></body></textarea><template><b></body></b></template>x@',
    ],
    ['an attribute value holding </body>', '<a title="</body>">x</a>', '<a title="</body>">x</a>@'],
    [
      'a CDATA section holding </body>',
      '<p>x</p><![CDATA[</body>]]>',
      '<p>x</p><![CDATA[</body>]]>@',
    ],
    [
      'an unclosed comment at the end',
      '<p>Hi</p><!-- </body> draft',
      '<p>Hi</p>@<!-- </body> draft',
    ],
    [
      'an unclosed script at the end',
      '<p>Hi</p><script>var a = 1;',
      '<p>Hi</p>@<script>var a = 1;',
    ],
    ['an unclosed style at the end', '<p>Hi</p><style>p{}', '<p>Hi</p>@<style>p{}'],
    ['a truncated tag at the end', '<p>Hi</p><img src="x', '<p>Hi</p>@<img src="x'],
    ['a truncated </body> at the end', '<body>Hi</body', '<body>Hi@</body'],
    ['plain text', 'Hello', 'Hello@'],
  ])('%s', (_name, html, expected) => {
    expect(insertPixel(html, URL)).toBe(at(expected));
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
