import type {
  CommitteeRole,
  ContactFitAttributes,
  ContributionKind,
  EngagementRule,
  FitAttribute,
  ScoringModel,
} from '@sales-suite/contracts';
import type { LeadEvent, LeadEventOf } from '../leads/lead-events';
import { regionOf } from '../territories/regions';

export const DAY_MS = 86_400_000;

export interface ScoreContribution {
  kind: ContributionKind;
  rule: string;
  eventVersion: number | null;
  occurredAt: number | null;
  points: number;
  countedPoints: number;
  decayedPoints: number;
  /** Committee bonus only: the distinct roles that engaged. */
  roles?: CommitteeRole[];
}

export interface LeadScore {
  fit: number;
  engagement: number;
  total: number;
  contributions: ScoreContribution[];
}

/** Two decimals, half up: what every score and contribution is reported with. */
export function roundPoints(value: number): number {
  return Math.round(value * 100) / 100;
}

function attributeValue(fit: ContactFitAttributes, attribute: FitAttribute): unknown {
  return attribute === 'region' ? regionOf(fit.country) : fit[attribute];
}

type Engagement = LeadEventOf<'EngagementRecorded'>;

const byTime = (a: Engagement, b: Engagement) =>
  a.occurredAt - b.occurredAt || a.version - b.version;

/**
 * The score of a lead at time `at`, from its events and a model, and nothing else.
 *
 * - fit: Σ points of fit rules matching the latest FitUpdated at or before `at` (no decay);
 * - engagement: for each engagement event at or before `at` (in time order) with a rule, the
 *   rule's points, cut so that one cap period (fixed windows of `periodDays` from the epoch) counts
 *   at most `cap.points` in absolute value, times 0.5^((at − tᵢ) / half-life);
 * - committee: pointsPerRole × distinct roles (blockers excluded) of committee members who
 *   engaged, at most maxPoints; champion: its points once a champion is identified;
 * - total = fit + engagement (which includes both bonuses); every number rounded to 2 decimals
 *   after summing.
 * Events after `at` are ignored, so a score can be recomputed for any past moment.
 */
export function scoreLead(
  events: readonly LeadEvent[],
  model: ScoringModel,
  at: number,
  explain = true,
): LeadScore {
  let fitEvent: LeadEventOf<'FitUpdated'> | null = null;
  let champion: LeadEventOf<'ChampionIdentified'> | null = null;
  const engagements: Engagement[] = [];
  const members = new Map<string, CommitteeRole>();
  const engagedContacts = new Set<string>();
  let sorted = true;
  for (const event of events) {
    if (event.occurredAt > at) continue;
    switch (event.type) {
      case 'EngagementRecorded':
        if (engagements.length > 0 && byTime(engagements[engagements.length - 1], event) > 0)
          sorted = false;
        engagements.push(event);
        if (event.data.contactId) engagedContacts.add(event.data.contactId);
        break;
      case 'FitUpdated':
        fitEvent = event;
        break;
      case 'CommitteeMemberAdded':
        members.set(event.data.contactId, event.data.role);
        break;
      case 'ChampionIdentified':
        champion = event;
        break;
      default:
        break;
    }
  }
  const contributions: ScoreContribution[] = [];

  let fit = 0;
  if (fitEvent) {
    for (const rule of model.fit) {
      if (!rule.values.includes(attributeValue(fitEvent.data.fit, rule.attribute) as string))
        continue;
      fit += rule.points;
      if (explain)
        contributions.push({
          kind: 'fit',
          rule: rule.id,
          eventVersion: fitEvent.version,
          occurredAt: fitEvent.occurredAt,
          points: rule.points,
          countedPoints: rule.points,
          decayedPoints: rule.points,
        });
    }
  }

  let engagement = 0;
  if (engagements.length > 0) {
    if (!sorted) engagements.sort(byTime);
    const rules = new Map<string, { rule: EngagementRule; period: number; used: number }>();
    for (const rule of model.engagement) rules.set(rule.event, { rule, period: -1, used: 0 });
    for (const event of engagements) {
      const entry = rules.get(event.data.type);
      if (!entry) continue;
      const { rule } = entry;
      let counted = rule.points;
      if (rule.cap) {
        const period = Math.floor(event.occurredAt / (rule.cap.periodDays * DAY_MS));
        if (period !== entry.period) {
          entry.period = period;
          entry.used = 0;
        }
        const room = Math.max(0, rule.cap.points - entry.used);
        const size = Math.min(Math.abs(rule.points), room);
        counted = rule.points < 0 ? -size : size;
        entry.used += size;
      }
      const decayed =
        counted === 0
          ? 0
          : counted * 0.5 ** ((at - event.occurredAt) / (rule.halfLifeDays * DAY_MS));
      engagement += decayed;
      if (explain)
        contributions.push({
          kind: 'engagement',
          rule: rule.id,
          eventVersion: event.version,
          occurredAt: event.occurredAt,
          points: rule.points,
          countedPoints: counted,
          decayedPoints: roundPoints(decayed),
        });
    }
  }

  if (members.size > 0 && model.committee.pointsPerRole > 0) {
    const roles = new Set<CommitteeRole>();
    for (const [contactId, role] of members)
      if (role !== 'blocker' && engagedContacts.has(contactId)) roles.add(role);
    const bonus = Math.min(model.committee.maxPoints, model.committee.pointsPerRole * roles.size);
    if (bonus > 0) {
      engagement += bonus;
      if (explain)
        contributions.push({
          kind: 'committee',
          rule: 'committee-coverage',
          eventVersion: null,
          occurredAt: null,
          points: bonus,
          countedPoints: bonus,
          decayedPoints: bonus,
          roles: [...roles].sort(),
        });
    }
  }

  if (champion && model.champion.points > 0) {
    engagement += model.champion.points;
    if (explain)
      contributions.push({
        kind: 'champion',
        rule: 'champion',
        eventVersion: champion.version,
        occurredAt: champion.occurredAt,
        points: model.champion.points,
        countedPoints: model.champion.points,
        decayedPoints: model.champion.points,
      });
  }

  return {
    fit: roundPoints(fit),
    engagement: roundPoints(engagement),
    total: roundPoints(fit + engagement),
    contributions,
  };
}
