import { FieldChange, FieldMap, FieldState, precedence } from '../provenance/field-provenance';

function better(a: FieldState, b: FieldState): FieldState {
  if (a.value === null && b.value !== null && !a.locked) return b;
  if (b.value === null && a.value !== null && !b.locked) return a;
  const byPrecedence =
    precedence(a.source, a.verifiedAt !== null) - precedence(b.source, b.verifiedAt !== null);
  if (byPrecedence !== 0) return byPrecedence > 0 ? a : b;
  if (a.invalid !== b.invalid) return a.invalid ? b : a;
  if (a.confidence !== b.confidence) return a.confidence > b.confidence ? a : b;
  return Date.parse(b.observedAt) > Date.parse(a.observedAt) ? b : a;
}

/**
 * Per field, the value with the best provenance among the records (the first record — the one
 * that stays — wins ties): a person's value over an import's over a provider's over a rule's,
 * a valid value over an invalid one, then higher confidence, then the newer observation.
 */
export function mergeFieldMaps(records: FieldMap[]): FieldMap {
  const merged: FieldMap = {};
  for (const fields of records)
    for (const [field, state] of Object.entries(fields))
      merged[field] = merged[field] ? better(merged[field], state) : state;
  return merged;
}

/** What differs between two versions of a record, as changes (for history and events). */
export function diffFields(before: FieldMap, after: FieldMap): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const old = before[field];
    const next = after[field];
    if (!next || (old && old.value === next.value && old.source === next.source)) continue;
    changes.push({
      field,
      oldValue: old?.value ?? null,
      newValue: next.value,
      source: next.source,
      confidence: next.confidence,
      valueChanged: (old?.value ?? null) !== next.value,
    });
  }
  return changes;
}
