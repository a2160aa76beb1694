import { countryName, toCountryCode } from './country.rules';

describe('toCountryCode', () => {
  it.each([
    ['US', 'US'],
    ['us', 'US'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['UK', 'GB'],
    ['uk', 'GB'],
    ['GBR', 'GB'],
    ['United Kingdom', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['Scotland', 'GB'],
    ['Deutschland', 'DE'],
    ['Germany', 'DE'],
    ['Allemagne', 'DE'],
    ['DEU', 'DE'],
    ['France', 'FR'],
    ['españa', 'ES'],
    ['Espagne', 'ES'],
    ['Brasil', 'BR'],
    ['México', 'MX'],
    ['Holland', 'NL'],
    ['The Netherlands', 'NL'],
    ['Schweiz', 'CH'],
    ['Suisse', 'CH'],
    ['South Korea', 'KR'],
    ['Czechia', 'CZ'],
    ['Czech Republic', 'CZ'],
    ['Türkiye', 'TR'],
    ['UAE', 'AE'],
    ['Ivory Coast', 'CI'],
    ['Côte d’Ivoire', 'CI'],
    ['  japan ', 'JP'],
  ])('%p → %s', (input, code) => {
    expect(toCountryCode(input)).toBe(code);
  });

  it.each([[''], ['ZZ'], ['XYZ'], ['Atlantis'], ['Europe']])('%p is not a country', (input) => {
    expect(toCountryCode(input)).toBeNull();
  });

  it('names a code', () => {
    expect(countryName('DE')).toBe('Germany');
  });
});
