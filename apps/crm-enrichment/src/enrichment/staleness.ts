import type { FieldChange, FieldMap } from '../provenance/field-provenance';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long an enriched value is trusted before the freshness job looks again, per field. Company
 * data and job titles move fastest; what follows from an email address barely moves (only the
 * disposable-domain list does). Values a person or an import gave are never re-enriched.
 */
export const STALENESS_DAYS: Record<string, number> = {
  // contacts
  seniority: 180,
  department: 180,
  firstName: 365,
  lastName: 365,
  fullName: 365,
  phoneE164: 365,
  phoneType: 365,
  country: 365,
  accountId: 180,
  freeEmail: 365,
  disposableEmail: 30,
  roleAccount: 365,
  // accounts
  name: 90,
  industry: 90,
  employeeRange: 90,
  website: 365,
};
const DEFAULT_STALENESS_DAYS = 180;

function isEnriched(source: string): boolean {
  return source.startsWith('rule:') || source.startsWith('provider:');
}

/** When the first enriched field goes stale (ISO time), or null when none can. */
export function staleAt(fields: FieldMap, scale = 1): string | null {
  let earliest = Infinity;
  // The fields of one write share their observation time: parsed once, not per field.
  let observedAt = '';
  let observedMs = NaN;
  for (const field in fields) {
    const state = fields[field];
    if (!isEnriched(state.source) || state.locked) continue;
    if (state.observedAt !== observedAt) {
      observedAt = state.observedAt;
      observedMs = Date.parse(observedAt);
    }
    const days = STALENESS_DAYS[field] ?? DEFAULT_STALENESS_DAYS;
    earliest = Math.min(earliest, observedMs + days * DAY_MS * scale);
  }
  return Number.isFinite(earliest) ? new Date(earliest).toISOString() : null;
}

/** Joins the changes of successive stages: per field, the first old value and the last new one. */
export function mergeChanges(...stages: FieldChange[][]): FieldChange[] {
  const merged = new Map<string, FieldChange>();
  for (const change of stages.flat()) {
    const earlier = merged.get(change.field);
    const oldValue = earlier ? earlier.oldValue : change.oldValue;
    merged.set(change.field, { ...change, oldValue, valueChanged: oldValue !== change.newValue });
  }
  return [...merged.values()];
}
