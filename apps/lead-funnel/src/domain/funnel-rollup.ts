import type { FunnelGroupBy } from '@sales-suite/contracts';
import type { LeadSource, LeadStage } from '@sales-suite/contracts/core';

const DAY_MS = 86_400_000;

/** The groupings the rollup is kept by (the values of `groupBy`), each on its own rows. */
export const FUNNEL_DIMENSIONS: readonly FunnelGroupBy[] = ['source', 'territory', 'owner'];

/** What the funnel figures read of one lead row (`funnel.leads`, see funnelSummary). */
export interface FunnelFacts {
  /** The UTC day the lead was created, `YYYY-MM-DD`. */
  day: string;
  source: LeadSource;
  territoryId: string | null;
  ownerId: string | null;
  stage: LeadStage;
  lostReason: string | null;
  reached: readonly LeadStage[];
  moves: readonly string[];
  path: readonly LeadStage[];
  seconds: readonly (number | null)[];
}

/** Leads created on `day` that agree on a group key and everything the figures count. */
export interface CohortDayRow {
  dimension: FunnelGroupBy;
  day: string;
  key: string | null;
  stage: LeadStage;
  lostReason: string | null;
  reached: readonly LeadStage[];
  moves: readonly string[];
  leads: number;
}

/** Completed visits of one stage and one exact length, of leads created on `day`. */
export interface StageLengthRow {
  dimension: FunnelGroupBy;
  day: string;
  key: string | null;
  stage: LeadStage;
  seconds: number;
  visits: number;
}

const KEY_OF: Record<FunnelGroupBy, (lead: FunnelFacts) => string | null> = {
  source: (lead) => lead.source,
  territory: (lead) => lead.territoryId,
  owner: (lead) => lead.ownerId,
};

/** Adds `sign` × each row to `into`, keyed by every field but the count. */
function accumulate<T>(into: Map<string, { row: T; n: number }>, rows: T[], sign: number) {
  for (const row of rows) {
    const id = JSON.stringify(row);
    const entry = into.get(id);
    if (entry) entry.n += sign;
    else into.set(id, { row, n: sign });
  }
}

/** The rows one lead adds to the rollup (its count is 1 per row; lengths repeat per visit). */
function rowsOf(lead: FunnelFacts) {
  const cohort: Omit<CohortDayRow, 'leads'>[] = [];
  const lengths: Omit<StageLengthRow, 'visits'>[] = [];
  for (const dimension of FUNNEL_DIMENSIONS) {
    const key = KEY_OF[dimension](lead);
    cohort.push({
      dimension,
      day: lead.day,
      key,
      stage: lead.stage,
      lostReason: lead.lostReason,
      reached: lead.reached,
      moves: lead.moves,
    });
    lead.path.forEach((stage, i) => {
      const seconds = lead.seconds[i];
      if (seconds !== null) lengths.push({ dimension, day: lead.day, key, stage, seconds });
    });
  }
  return { cohort, lengths };
}

/**
 * How the rollup changes when lead rows go from `before` (absent for a new lead) to `after`: one
 * count per (dimension, creation day, key, stage, lost reason, stages reached, moves) and one per
 * completed visit of (dimension, day, key, stage, exact length). Net changes only, in a fixed
 * order (so concurrent writers lock the rows they share in the same order).
 */
export function funnelRollupDeltas(
  before: readonly FunnelFacts[],
  after: readonly FunnelFacts[],
): { cohort: CohortDayRow[]; lengths: StageLengthRow[] } {
  const cohort = new Map<string, { row: Omit<CohortDayRow, 'leads'>; n: number }>();
  const lengths = new Map<string, { row: Omit<StageLengthRow, 'visits'>; n: number }>();
  for (const [leads, sign] of [
    [before, -1],
    [after, 1],
  ] as const)
    for (const lead of leads) {
      const rows = rowsOf(lead);
      accumulate(cohort, rows.cohort, sign);
      accumulate(lengths, rows.lengths, sign);
    }
  const changed = <T, R>(map: Map<string, { row: T; n: number }>, as: (row: T, n: number) => R) =>
    [...map]
      .filter(([, { n }]) => n !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, { row, n }]) => as(row, n));
  return {
    cohort: changed(cohort, (row, leads) => ({ ...row, leads })),
    lengths: changed(lengths, (row, visits) => ({ ...row, visits })),
  };
}

/**
 * Splits the window [from, to) into the whole UTC days it covers (read from the rollup) and the
 * parts of days at its ends (read from the lead rows): `days` is [first, end) as `YYYY-MM-DD`,
 * null when the window holds no whole day; `edges` are [from, to) instants, empty ones left out.
 */
export function cohortSpans(
  from: Date,
  to: Date,
): { days: [string, string] | null; edges: [Date, Date][] } {
  const first = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
  const end = Math.floor(to.getTime() / DAY_MS) * DAY_MS;
  if (first >= end) return { days: null, edges: [[from, to]] };
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const edges: [Date, Date][] = [
    [from, new Date(first)],
    [new Date(end), to],
  ];
  return {
    days: [day(first), day(end)],
    edges: edges.filter(([a, b]) => a < b),
  };
}
