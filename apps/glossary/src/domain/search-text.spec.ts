import { labelWordsQuery, normalizeLabel, renderSnippet } from './search-text';

describe('normalizeLabel', () => {
  it.each([
    ['Closed Lost', 'closed lost'],
    ['closed-lost', 'closed lost'],
    ['  Closed -- LOST! ', 'closed lost'],
    ['SKO', 'sko'],
    ['B2B', 'b2b'],
    ['Café au lait', 'café au lait'],
    ['---', ''],
    ['50%_off', '50 off'],
  ])('%j → %j', (input, expected) => expect(normalizeLabel(input)).toBe(expected));
});

describe('labelWordsQuery', () => {
  it.each([
    ['sko', "'sko':*"],
    ['sales kick', "'sales' & 'kick':*"],
    ['persona tier committee 1234', "'persona' & 'tier' & 'committee' & '1234':*"],
    ['café au lait', "'café' & 'au' & 'lait':*"],
  ])('%j → %j', (input, expected) => expect(labelWordsQuery(input)).toBe(expected));
});

describe('renderSnippet', () => {
  it.each([
    ['no marks', 'no marks'],
    ['an \u0002open\u0003 rate', 'an <mark>open</mark> rate'],
    ['<script>\u0002x\u0003</script>', '&lt;script&gt;<mark>x</mark>&lt;/script&gt;'],
    ['customer\'s & "yours"', 'customer&#39;s &amp; &quot;yours&quot;'],
  ])('%j', (input, expected) => expect(renderSnippet(input)).toBe(expected));
});
