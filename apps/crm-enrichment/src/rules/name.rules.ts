export interface PersonName {
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
}

/** Lower-case particles inside surnames (`Ludwig van Beethoven`, `Charles de Gaulle`). */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'la',
  'le',
  'dos',
  'das',
  'y',
  'bin',
  'ibn',
  'ter',
]);
const HONORIFICS = /^(mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|mme|mlle|m)\.?$/i;
const SUFFIXES = /^(jr|sr|ii|iii|iv|phd|md|mba|esq|cpa)\.?$/i;

function capitalizeWord(word: string): string {
  if (!word) return word;
  const lower = word.toLocaleLowerCase();
  const upper = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
  // Mc/Mac names and O'/D' prefixes keep the capital after the prefix.
  if (/^mc[a-z]{2,}/.test(lower)) return `Mc${upper(lower.slice(2))}`;
  const apostrophe = /^([od])['’]([a-z].*)$/u.exec(lower);
  if (apostrophe) return `${apostrophe[1].toUpperCase()}'${upper(apostrophe[2])}`;
  return upper(lower);
}

/**
 * Fixes the casing people type in a hurry (`JOHN`, `mary-jane`, `o'neil`) and leaves names that
 * already have deliberate mixed casing (`DeShawn`, `MacKenzie`) alone.
 */
export function normalizeNameCasing(raw: string): string {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (!value) return value;
  const mixed = value !== value.toLowerCase() && value !== value.toUpperCase();
  if (mixed) return value;
  return value
    .split(' ')
    .map((word, index) =>
      index > 0 && PARTICLES.has(word.toLowerCase())
        ? word.toLowerCase()
        : word.split('-').map(capitalizeWord).join('-'),
    )
    .join(' ');
}

/** Splits a full name (`Doe, John`, `Dr. John Q. Doe Jr.`, `Ludwig van Beethoven`) into first and last. */
export function splitFullName(raw: string): PersonName {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (!value) return { firstName: null, lastName: null, fullName: null };
  if (value.includes(',')) {
    const [last, first] = value.split(',', 2).map((part) => part.trim());
    if (first && !SUFFIXES.test(first))
      return joinName(normalizeNameCasing(first), normalizeNameCasing(last));
  }
  const words = normalizeNameCasing(value)
    .split(' ')
    .filter((word, index, all) => !(index === 0 && HONORIFICS.test(word) && all.length > 1))
    .filter(
      (word, index, all) =>
        !(index > 0 && SUFFIXES.test(word.replace(/,$/, '')) && index === all.length - 1),
    );
  if (words.length === 1) return joinName(words[0], null);
  let lastStart = words.length - 1;
  while (lastStart > 1 && PARTICLES.has(words[lastStart - 1].toLowerCase())) lastStart--;
  const first = words[0];
  return joinName(first, words.slice(lastStart).join(' '));
}

export function joinName(firstName: string | null, lastName: string | null): PersonName {
  const fullName = [firstName, lastName].filter(Boolean).join(' ') || null;
  return { firstName: firstName || null, lastName: lastName || null, fullName };
}

/**
 * A name guessed from a personal mailbox (`jean-luc.picard@…` → Jean-Luc Picard). Only the
 * `first.last` and `first_last` shapes are trusted; `jdoe` or `info` give nothing.
 */
export function nameFromEmailLocalPart(localPart: string): PersonName | null {
  const mailbox = localPart.split('+')[0];
  const match = /^([a-z]{2,}(?:-[a-z]{2,})?)[._]([a-z]{2,}(?:-[a-z]{2,})?)$/.exec(mailbox);
  if (!match) return null;
  return joinName(normalizeNameCasing(match[1]), normalizeNameCasing(match[2]));
}
