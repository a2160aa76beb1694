import { insertUnsubscribeUrl } from './unsubscribe-link';

const URL = 'https://t.example.com/t/u/AQNkZXY';

describe('insertUnsubscribeUrl', () => {
  it.each([
    ['<a href="{{unsubscribe_url}}">Unsubscribe</a>', `<a href="${URL}">Unsubscribe</a>`],
    [
      '<a href="{{ unsubscribe_url }}">x</a> or {{unsubscribe_url}}',
      `<a href="${URL}">x</a> or ${URL}`,
    ],
    ['<p>no placeholder</p>', '<p>no placeholder</p>'],
    ['{{unsubscribe_link}} {{ UNSUBSCRIBE_URL }}', '{{unsubscribe_link}} {{ UNSUBSCRIBE_URL }}'],
  ])('%s', (html, expected) => {
    expect(insertUnsubscribeUrl(html, URL)).toBe(expected);
  });

  it('escapes the URL for HTML and never reads $ patterns as replacement syntax', () => {
    expect(insertUnsubscribeUrl('<a href="{{unsubscribe_url}}">', 'https://x/?a=1&b="2"$&')).toBe(
      '<a href="https://x/?a=1&amp;b=&quot;2&quot;$&amp;">',
    );
  });
});
