import type {
  FunnelGroupBy,
  FunnelStatsGroupView,
  StageConversionView,
} from '@sales-suite/contracts';
import { LEAD_STAGES, LeadStage } from '@sales-suite/contracts/core';
import type { FunnelDefinition } from './funnel-definition';
import type { StageVisit } from './lead-state';

/**
 * Leads of the cohort that agree on everything the figures look at (the cohort query counts
 * them per distinct row): their group's key (source, territory or owner), current stage and lost
 * reason, the stages they ever entered and the direct moves they ever made (the read model's
 * columns, see funnelSummary).
 */
export interface CohortLead {
  key: string | null;
  stage: LeadStage;
  lostReason: string | null;
  reached: readonly LeadStage[];
  moves: readonly string[];
  count: number;
}

/**
 * The median of a stage's completed visit lengths, from the two middle values of the sorted
 * lengths (the same value twice when their number is odd), as SQL gives them.
 */
export interface StageMiddle {
  stage: LeadStage;
  lower: number;
  upper: number;
}

const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

const perStage = <T>(value: () => T) =>
  Object.fromEntries(LEAD_STAGES.map((stage) => [stage, value()])) as Record<LeadStage, T>;

/** A direct move from one stage to the next, as `stage_moves` holds it. */
export const moveKey = (from: LeadStage, to: LeadStage) => `${from}>${to}`;

/**
 * What the read model keeps of a lead's visits for the funnel figures: the stages it ever
 * entered and the direct moves it ever made (each once, in first order: bounded however often a
 * lead loops, so they fit an index), and each visit's stage and length in seconds (null for the
 * visit it is still in; the medians count completed visits only).
 */
export function funnelSummary(visits: readonly StageVisit[]): {
  reached: LeadStage[];
  moves: string[];
  path: LeadStage[];
  seconds: (number | null)[];
} {
  const path = visits.map((visit) => visit.stage);
  return {
    reached: [...new Set(path)],
    moves: [...new Set(path.slice(1).map((to, i) => moveKey(path[i], to)))],
    path,
    seconds: visits.map((visit) =>
      visit.leftAt === null ? null : (visit.leftAt - visit.enteredAt) / 1000,
    ),
  };
}

/**
 * Funnel figures for one set of cohort leads (definitions in docs/lead-funnel.md):
 * - byStage: leads whose current stage is s; reached: leads that ever entered s;
 * - conversions: one per move the funnel definition allows, in its order; for a→b, of the leads
 *   that ever entered a, those that ever moved from a directly to b;
 * - won / lost: leads now closed_won / closed_lost; winRate = won / (won + lost);
 * - medianSecondsInStage: median length of the completed visits (entered and left) of s;
 * - lostReasons: leads now closed_lost, by reason.
 */
export function funnelStatsOf(
  key: string | null,
  leads: readonly CohortLead[],
  middles: readonly StageMiddle[],
  transitions: FunnelDefinition['transitions'],
): FunnelStatsGroupView {
  const byStage = perStage(() => 0);
  const reached = perStage(() => 0);
  const medians = perStage<number | null>(() => null);
  const lostReasons: Record<string, number> = {};
  const conversions: StageConversionView[] = transitions.flatMap(({ from, to }) =>
    to.map((target) => ({ from, to: target, entered: 0, converted: 0, rate: null })),
  );
  let count = 0;
  for (const lead of leads) {
    count += lead.count;
    byStage[lead.stage] += lead.count;
    for (const stage of lead.reached) reached[stage] += lead.count;
    for (const conversion of conversions) {
      if (!lead.reached.includes(conversion.from)) continue;
      conversion.entered += lead.count;
      if (lead.moves.includes(moveKey(conversion.from, conversion.to)))
        conversion.converted += lead.count;
    }
    if (lead.stage === 'closed_lost') {
      const reason = lead.lostReason ?? 'unknown';
      lostReasons[reason] = (lostReasons[reason] ?? 0) + lead.count;
    }
  }
  for (const conversion of conversions)
    conversion.rate = ratio(conversion.converted, conversion.entered);
  for (const { stage, lower, upper } of middles) medians[stage] = (lower + upper) / 2;
  const won = byStage.closed_won;
  const lost = byStage.closed_lost;
  return {
    key,
    leads: count,
    byStage,
    reached,
    conversions,
    won,
    lost,
    winRate: ratio(won, won + lost),
    medianSecondsInStage: medians,
    lostReasons,
  };
}

/**
 * The cohort's figures overall and, when asked, per source, territory or owner (each lead's
 * `key`, null last), with
 * conversions along the transitions of the funnel definition in force. `middles` holds each
 * group's (key `null` is also the unassigned group, so the overall ones come apart).
 */
export function funnelStats(
  leads: readonly CohortLead[],
  groupBy: FunnelGroupBy | null,
  transitions: FunnelDefinition['transitions'],
  middles: {
    overall: readonly StageMiddle[];
    byGroup: ReadonlyMap<string | null, readonly StageMiddle[]>;
  },
): { overall: FunnelStatsGroupView; groups: FunnelStatsGroupView[] } {
  const overall = funnelStatsOf(null, leads, middles.overall, transitions);
  if (!groupBy) return { overall, groups: [] };
  const groups = new Map<string | null, CohortLead[]>();
  for (const lead of leads) {
    const members = groups.get(lead.key);
    if (members) members.push(lead);
    else groups.set(lead.key, [lead]);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  return {
    overall,
    groups: keys.map((key) =>
      funnelStatsOf(key, groups.get(key)!, middles.byGroup.get(key) ?? [], transitions),
    ),
  };
}
