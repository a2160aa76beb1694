import { cellText, SpreadsheetValue } from './cell-text';

describe('cellText: a spreadsheet value in, the text a person sees out', () => {
  const cases: [string, SpreadsheetValue, string][] = [
    ['empty', null, ''],
    ['missing', undefined, ''],
    ['text', 'Gonzalez Peña', 'Gonzalez Peña'],
    ['an integer', 42, '42'],
    ['a phone typed as a number keeps its digits', 4915112345678, '4915112345678'],
    ['a fraction', 0.25, '0.25'],
    ['floating-point noise', 12.300000000000001, '12.3'],
    ['a large revenue', 12500000, '12500000'],
    ['a negative fraction', -1.5, '-1.5'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['a date', new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
    ['a date and time', new Date(Date.UTC(2024, 2, 5, 14, 30, 5)), '2024-03-05T14:30:05'],
    ['rich text', { richText: [{ text: 'Zo' }, { text: 'ë' }] }, 'Zoë'],
    ['a hyperlink', { text: 'acme.com', hyperlink: 'https://acme.com' }, 'acme.com'],
    ['a formula reads as its result', { formula: 'A1&B1', result: 'Ann Lee' }, 'Ann Lee'],
    ['a numeric formula', { formula: 'A1*2', result: 84 }, '84'],
    ['a formula never calculated', { formula: 'A1*2' }, ''],
    ['a shared formula', { sharedFormula: 'C2', result: 7 }, '7'],
    ['an error', { error: '#N/A' }, ''],
  ];
  it.each(cases)('%s', (_name, value, text) => {
    expect(cellText(value)).toBe(text);
  });
});
