import { isOneClickBody } from './one-click-body';

const FORM = 'application/x-www-form-urlencoded';
const multipart = (boundary: string, parts: string[]) =>
  parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('') + `--${boundary}--\r\n`;
const field = (name: string, value: string) =>
  `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;

describe('isOneClickBody', () => {
  it.each([
    ['the RFC 8058 form body', FORM, 'List-Unsubscribe=One-Click', true],
    ['a charset parameter', `${FORM}; charset=utf-8`, 'List-Unsubscribe=One-Click', true],
    [
      'an upper-case media type',
      'Application/X-WWW-Form-Urlencoded',
      'List-Unsubscribe=One-Click',
      true,
    ],
    ['other fields beside it', FORM, 'a=1&List-Unsubscribe=One-Click', true],
    ['percent-encoding', FORM, 'List%2DUnsubscribe=One%2DClick', true],
    ['another value', FORM, 'List-Unsubscribe=Yes', false],
    ['another field name case', FORM, 'list-unsubscribe=One-Click', false],
    ['an empty body', FORM, '', false],
    ['JSON', 'application/json', '{"List-Unsubscribe":"One-Click"}', false],
    ['no content type', undefined, 'List-Unsubscribe=One-Click', false],
    ['text/plain', 'text/plain', 'List-Unsubscribe=One-Click', false],
    [
      'multipart with the field',
      'multipart/form-data; boundary=XyZ',
      multipart('XyZ', [field('List-Unsubscribe', 'One-Click')]),
      true,
    ],
    [
      'multipart with a quoted boundary and other fields',
      'multipart/form-data; boundary="a b"',
      multipart('a b', [field('x', '1'), field('List-Unsubscribe', 'One-Click')]),
      true,
    ],
    [
      'multipart with another value',
      'multipart/form-data; boundary=XyZ',
      multipart('XyZ', [field('List-Unsubscribe', 'one-click')]),
      false,
    ],
    [
      'multipart where the field is a file',
      'multipart/form-data; boundary=XyZ',
      multipart('XyZ', [
        'Content-Disposition: form-data; name="List-Unsubscribe"; filename="a.txt"\r\n\r\nOne-Click',
      ]),
      false,
    ],
    [
      'multipart without a boundary',
      'multipart/form-data',
      multipart('XyZ', [field('List-Unsubscribe', 'One-Click')]),
      false,
    ],
    [
      'multipart with another boundary than declared',
      'multipart/form-data; boundary=Other',
      multipart('XyZ', [field('List-Unsubscribe', 'One-Click')]),
      false,
    ],
  ])('%s → %s', (_case, contentType, body, expected) => {
    expect(isOneClickBody(contentType, body)).toBe(expected);
  });
});
