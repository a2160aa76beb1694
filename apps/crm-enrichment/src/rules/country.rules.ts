import countries from 'i18n-iso-countries';
import { memoize } from './memoize';

/** Languages whose country names people type into CRMs. */
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

/** Lower case, no accents, no punctuation, no leading "the": `Côte d’Ivoire` → `cote divoire`. */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Every official name and alias in every listed language, built once: lookups are a map read. */
const BY_NAME: Map<string, string> = (() => {
  const byName = new Map<string, string>();
  for (const language of NAME_LANGUAGES) {
    for (const [code, names] of Object.entries(countries.getNames(language, { select: 'all' }))) {
      for (const name of names) {
        const key = nameKey(name);
        if (key && !byName.has(key)) byName.set(key, code);
      }
    }
  }
  for (const [name, code] of Object.entries(EVERYDAY_NAMES))
    if (!byName.has(name)) byName.set(name, code);
  return byName;
})();

/** ISO 3166-1 alpha-2 for the codes (alpha-2, alpha-3) and names (several languages) people type. */
export const toCountryCode: (raw: string) => string | null = memoize((raw: string) => {
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
  return BY_NAME.get(nameKey(value)) ?? null;
}, 5_000);

export function countryName(code: string): string | null {
  return countries.getName(code, 'en') ?? null;
}
