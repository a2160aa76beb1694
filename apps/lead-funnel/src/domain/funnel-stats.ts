import type {
  FunnelGroupBy,
  FunnelStatsGroupView,
  StageConversionView,
} from '@sales-suite/contracts';
import { LEAD_STAGES, LeadSource, LeadStage } from '@sales-suite/contracts/core';
import type { FunnelDefinition } from './funnel-definition';
import type { StageVisit } from './lead-state';

/** One lead of the cohort (created in the window) as the lead projections hold it. */
export interface CohortLead {
  source: LeadSource;
  territoryId: string | null;
  ownerId: string | null;
  stage: LeadStage;
  lostReason: string | null;
  visits: StageVisit[];
}

const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const perStage = <T>(value: () => T) =>
  Object.fromEntries(LEAD_STAGES.map((stage) => [stage, value()])) as Record<LeadStage, T>;

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
  transitions: FunnelDefinition['transitions'],
): FunnelStatsGroupView {
  const byStage = perStage(() => 0);
  const reached = perStage(() => 0);
  const durations = perStage<number[]>(() => []);
  const lostReasons: Record<string, number> = {};
  const conversions: StageConversionView[] = transitions.flatMap(({ from, to }) =>
    to.map((target) => ({ from, to: target, entered: 0, converted: 0, rate: null })),
  );
  for (const lead of leads) {
    byStage[lead.stage] += 1;
    const entered = new Set<LeadStage>();
    const moves = new Set<string>();
    lead.visits.forEach((visit, index) => {
      entered.add(visit.stage);
      if (index > 0) moves.add(`${lead.visits[index - 1].stage}>${visit.stage}`);
      if (visit.leftAt !== null)
        durations[visit.stage].push((visit.leftAt - visit.enteredAt) / 1000);
    });
    for (const stage of entered) reached[stage] += 1;
    for (const conversion of conversions) {
      if (!entered.has(conversion.from)) continue;
      conversion.entered += 1;
      if (moves.has(`${conversion.from}>${conversion.to}`)) conversion.converted += 1;
    }
    if (lead.stage === 'closed_lost') {
      const reason = lead.lostReason ?? 'unknown';
      lostReasons[reason] = (lostReasons[reason] ?? 0) + 1;
    }
  }
  for (const conversion of conversions)
    conversion.rate = ratio(conversion.converted, conversion.entered);
  const won = byStage.closed_won;
  const lost = byStage.closed_lost;
  return {
    key,
    leads: leads.length,
    byStage,
    reached,
    conversions,
    won,
    lost,
    winRate: ratio(won, won + lost),
    medianSecondsInStage: Object.fromEntries(
      LEAD_STAGES.map((stage) => [stage, median(durations[stage])]),
    ) as Record<LeadStage, number | null>,
    lostReasons,
  };
}

const GROUP_KEY: Record<FunnelGroupBy, (lead: CohortLead) => string | null> = {
  source: (lead) => lead.source,
  territory: (lead) => lead.territoryId,
  owner: (lead) => lead.ownerId,
};

/**
 * The cohort's figures overall and, when asked, per source, territory or owner (null last), with
 * conversions along the transitions of the funnel definition in force.
 */
export function funnelStats(
  leads: readonly CohortLead[],
  groupBy: FunnelGroupBy | null,
  transitions: FunnelDefinition['transitions'],
): { overall: FunnelStatsGroupView; groups: FunnelStatsGroupView[] } {
  const overall = funnelStatsOf(null, leads, transitions);
  if (!groupBy) return { overall, groups: [] };
  const groups = new Map<string | null, CohortLead[]>();
  for (const lead of leads) {
    const key = GROUP_KEY[groupBy](lead);
    const members = groups.get(key);
    if (members) members.push(lead);
    else groups.set(key, [lead]);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  return { overall, groups: keys.map((key) => funnelStatsOf(key, groups.get(key)!, transitions)) };
}
