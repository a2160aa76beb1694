import type {
  FunnelGroupBy,
  FunnelStatsGroupView,
  StageConversionView,
} from '@sales-suite/contracts';
import { LEAD_STAGES, LeadSource, LeadStage } from '@sales-suite/contracts/core';
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

/** The way a lead should travel; conversion rates are reported between consecutive stages. */
export const MAIN_PATH: readonly LeadStage[] = [
  'new',
  'engaged',
  'mql',
  'sql',
  'opportunity',
  'closed_won',
];

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
 * - conversion a→b: of the leads that entered a, those that entered b at or after first entering a;
 * - won / lost: leads now closed_won / closed_lost; winRate = won / (won + lost);
 * - medianSecondsInStage: median length of the completed visits (entered and left) of s;
 * - lostReasons: leads now closed_lost, by reason.
 */
export function funnelStatsOf(
  key: string | null,
  leads: readonly CohortLead[],
): FunnelStatsGroupView {
  const byStage = perStage(() => 0);
  const reached = perStage(() => 0);
  const durations = perStage<number[]>(() => []);
  const lostReasons: Record<string, number> = {};
  const conversions: StageConversionView[] = MAIN_PATH.slice(1).map((to, index) => ({
    from: MAIN_PATH[index],
    to,
    entered: 0,
    converted: 0,
    rate: null,
  }));
  for (const lead of leads) {
    byStage[lead.stage] += 1;
    const firstEntry = new Map<LeadStage, number>();
    const lastEntry = new Map<LeadStage, number>();
    for (const visit of lead.visits) {
      if (!firstEntry.has(visit.stage)) firstEntry.set(visit.stage, visit.enteredAt);
      lastEntry.set(visit.stage, visit.enteredAt);
      if (visit.leftAt !== null)
        durations[visit.stage].push((visit.leftAt - visit.enteredAt) / 1000);
    }
    for (const stage of firstEntry.keys()) reached[stage] += 1;
    for (const conversion of conversions) {
      const entered = firstEntry.get(conversion.from);
      if (entered === undefined) continue;
      conversion.entered += 1;
      if ((lastEntry.get(conversion.to) ?? -Infinity) >= entered) conversion.converted += 1;
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

/** The cohort's figures overall and, when asked, per source, territory or owner (null last). */
export function funnelStats(
  leads: readonly CohortLead[],
  groupBy: FunnelGroupBy | null,
): { overall: FunnelStatsGroupView; groups: FunnelStatsGroupView[] } {
  const overall = funnelStatsOf(null, leads);
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
  return { overall, groups: keys.map((key) => funnelStatsOf(key, groups.get(key)!)) };
}
