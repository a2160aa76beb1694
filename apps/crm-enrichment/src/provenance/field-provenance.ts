export type FieldValue = string | boolean | null;

/** A field's value and where it came from; stored per field in the record's `fields` document. */
export interface FieldState {
  value: FieldValue;
  /** `user`, `import`, `rule:<name>`, `provider:<name>` or `email:unsubscribe`. */
  source: string;
  confidence: number;
  observedAt: string;
  /** What the source acted on, when one thing did (the email message of an unsubscribe). */
  sourceRef?: string;
  verifiedAt: string | null;
  /** A person set it: only another person's edit replaces it. */
  locked: boolean;
  invalid?: boolean;
  reason?: string;
}

export type FieldMap = Record<string, FieldState>;

/** A value some source offers for a field; `applyProposals` decides whether it wins. */
export interface Proposal {
  field: string;
  value: FieldValue;
  source: string;
  confidence: number;
  /** The provider vouches for the value (verified data outranks inferred data). */
  verified?: boolean;
  invalid?: boolean;
  reason?: string;
  sourceRef?: string;
  /** When the source observed the value, if earlier than the write (an unsubscribe's time). */
  observedAt?: string;
}

/**
 * The person's own request through an email's unsubscribe link: ranks with a person's edit, and
 * replaces even a value a person locked (an opt-out is honoured whoever set the field before).
 */
export const UNSUBSCRIBE_SOURCE = 'email:unsubscribe';

export interface FieldChange {
  field: string;
  oldValue: FieldValue;
  newValue: FieldValue;
  source: string;
  confidence: number;
  /** False when only the provenance changed (a person confirmed an inferred value). */
  valueChanged: boolean;
}

/** user-entered = unsubscribe > imported > verified provider > unverified provider > inferred rule. */
export function precedence(source: string, verified: boolean): number {
  if (source === 'user' || source === UNSUBSCRIBE_SOURCE) return 50;
  if (source === 'import') return 40;
  if (source.startsWith('provider:')) return verified ? 30 : 20;
  return 10;
}

function rank(state: FieldState): number {
  return precedence(state.source, state.verifiedAt !== null);
}

type Decision = 'replace' | 'refresh' | 'keep';

/**
 * Whether a proposal replaces the current value. A person's value is replaced only by a person;
 * otherwise a higher-precedence source wins, and within one level the same source may update its
 * own value, another only with at least the same confidence. Enrichment never clears a field,
 * except a source retracting its own value. An equal value from the same source only refreshes
 * the observation time (no change, no history).
 */
export function decide(current: FieldState | undefined, proposal: Proposal): Decision {
  const isUser = proposal.source === 'user';
  if (!current || (current.value === null && !current.locked))
    return proposal.value === null && !isUser ? 'keep' : 'replace';
  if (current.locked && !isUser && proposal.source !== UNSUBSCRIBE_SOURCE) return 'keep';
  const sameSource = current.source === proposal.source;
  if (proposal.value === null && !isUser && !sameSource) return 'keep';
  if (current.value === proposal.value && sameSource) {
    const flagsChanged = Boolean(current.invalid) !== Boolean(proposal.invalid);
    return flagsChanged ? 'replace' : 'refresh';
  }
  const proposed = precedence(proposal.source, proposal.verified ?? false);
  const existing = rank(current);
  if (proposed > existing) return 'replace';
  if (proposed < existing) return 'keep';
  if (sameSource || isUser) return 'replace';
  return proposal.confidence >= current.confidence && current.value !== proposal.value
    ? 'replace'
    : 'keep';
}

function stateOf(proposal: Proposal, now: string): FieldState {
  return {
    value: proposal.value,
    source: proposal.source,
    confidence: proposal.confidence,
    observedAt: proposal.observedAt ?? now,
    verifiedAt: proposal.verified || proposal.source === 'user' ? now : null,
    locked: proposal.source === 'user',
    ...(proposal.invalid ? { invalid: true, reason: proposal.reason } : {}),
    ...(proposal.sourceRef ? { sourceRef: proposal.sourceRef } : {}),
  };
}

/** Applies proposals in order to a copy of `fields`; returns the new fields and what changed. */
export function applyProposals(
  fields: FieldMap,
  proposals: readonly Proposal[],
  now: string,
): { fields: FieldMap; changes: FieldChange[] } {
  const next: FieldMap = { ...fields };
  const changes = new Map<string, FieldChange>();
  for (const proposal of proposals) {
    const current = next[proposal.field];
    const decision = decide(current, proposal);
    if (decision === 'keep') continue;
    if (decision === 'refresh') {
      next[proposal.field] = {
        ...current,
        observedAt: now,
        ...(proposal.verified ? { verifiedAt: now } : {}),
      };
      continue;
    }
    next[proposal.field] = stateOf(proposal, now);
    const earlier = changes.get(proposal.field);
    const oldValue = earlier ? earlier.oldValue : (current?.value ?? null);
    changes.set(proposal.field, {
      field: proposal.field,
      oldValue,
      newValue: proposal.value,
      source: proposal.source,
      confidence: proposal.confidence,
      valueChanged: oldValue !== proposal.value,
    });
  }
  return { fields: next, changes: [...changes.values()] };
}

/**
 * The proposals that may merge into an existing record on a person's behalf without overriding
 * another person's value: fields a person set (locked, even locked empty) keep theirs, and an
 * empty value clears nothing — what an import does, for a request that found its record taken.
 */
export function mergeableProposals(fields: FieldMap, proposals: readonly Proposal[]): Proposal[] {
  return proposals.filter((proposal) => proposal.value !== null && !fields[proposal.field]?.locked);
}

export function valueOf(fields: FieldMap, field: string): FieldValue {
  return fields[field]?.value ?? null;
}

export function stringOf(fields: FieldMap, field: string): string | null {
  const value = fields[field]?.value;
  return typeof value === 'string' ? value : null;
}
