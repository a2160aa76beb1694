import { notModified, parseIfMatch, termEntityTag } from './entity-tag';

describe('termEntityTag', () => {
  it('quotes the version', () => expect(termEntityTag(7)).toBe('"7"'));
});

describe('parseIfMatch', () => {
  it.each([
    [undefined, { kind: 'missing' }],
    ['', { kind: 'missing' }],
    ['  ', { kind: 'missing' }],
    ['*', { kind: 'any' }],
    ['"3"', { kind: 'version', version: 3 }],
    [' "3" ', { kind: 'version', version: 3 }],
    ['"3", "3"', { kind: 'version', version: 3 }],
    ['"2", "3"', { kind: 'unmatchable', reason: 'If-Match must name exactly one version' }],
    ['W/"3"', { kind: 'unmatchable', reason: 'If-Match W/"3" names no version of this term' }],
    ['3', { kind: 'unmatchable', reason: 'If-Match 3 names no version of this term' }],
    ['"abc"', { kind: 'unmatchable', reason: 'If-Match "abc" names no version of this term' }],
    [
      '"99999999999"',
      { kind: 'unmatchable', reason: 'If-Match "99999999999" names no version of this term' },
    ],
  ])('%j', (header, expected) => {
    expect(parseIfMatch(header)).toEqual(expected);
  });
});

describe('notModified', () => {
  it.each([
    [undefined, false],
    ['"3"', true],
    ['W/"3"', true],
    ['"2", "3"', true],
    ['"2"', false],
    ['*', true],
    ['"33"', false],
  ])('%j against "3" → %s', (header, expected) => {
    expect(notModified(header, '"3"')).toBe(expected);
  });
});
