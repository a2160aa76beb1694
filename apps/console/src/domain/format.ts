/** A rate (0–1) as a percentage with one decimal, or an em dash when there is none. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)} %`;
}

/** A duration in seconds as its two largest units (3 d 4 h, 5 min 2 s), or an em dash. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0 || (unit === 's' && parts.length === 0)) parts.push(`${count} ${unit}`);
    rest -= count * size;
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** A number with thousands separators and at most `digits` decimals. */
export function num(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined
    ? '—'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** Identifiers that read as acronyms. */
const ACRONYMS: Record<string, string> = { mql: 'MQL', sql: 'SQL' };

/** A stage or reason identifier as words: closed_lost → Closed lost, mql → MQL. */
export function label(identifier: string): string {
  if (ACRONYMS[identifier]) return ACRONYMS[identifier];
  const words = identifier.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
