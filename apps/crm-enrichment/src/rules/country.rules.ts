import countries from 'i18n-iso-countries';

/** Languages whose country names people type into CRMs (English first: it has the most aliases). */
const NAME_LANGUAGES = ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl'];

/** Everyday names that the ISO name lists do not carry (constituent countries, old names). */
const EVERYDAY_NAMES: Record<string, string> = {
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  britain: 'GB',
  holland: 'NL',
  korea: 'KR',
  'cote divoire': 'CI',
  burma: 'MM',
  swaziland: 'SZ',
};

/** ISO 3166-1 alpha-2 for the codes (alpha-2, alpha-3) and names (several languages) people type. */
export function toCountryCode(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  if (/^[A-Za-z]{2}$/.test(value)) {
    const code = value.toUpperCase() === 'UK' ? 'GB' : value.toUpperCase();
    return countries.isValid(code) ? code : null;
  }
  if (/^[A-Za-z]{3}$/.test(value)) {
    const code = countries.alpha3ToAlpha2(value.toUpperCase());
    if (code) return code;
  }
  for (const language of NAME_LANGUAGES) {
    const code = countries.getSimpleAlpha2Code(value, language);
    if (code) return code;
  }
  const plain = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z ]/g, '')
    .replace(/^the /i, '')
    .toLowerCase();
  return EVERYDAY_NAMES[plain] ?? null;
}

export function countryName(code: string): string | null {
  return countries.getName(code, 'en') ?? null;
}
