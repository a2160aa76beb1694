import type {
  CommitteeRole,
  ContactFitAttributes,
  ContributionKind,
  EngagementRule,
  FitAttribute,
  ScoringModel,
} from '@sales-suite/contracts/core';
import type { LeadEvent, LeadEventOf } from './lead-events';
import { regionOf } from './regions';

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

/** The engagement rules looked up by event type, with their periods and half-lives in ms. */
interface CompiledRules {
  indexByType: Map<string, number>;
  rules: EngagementRule[];
  periodMs: number[];
  halfLifeMs: number[];
}

// Scoring runs millions of times per model object: index its rules once. Safe per replica: a
// pure function of the model object it is keyed by (a new version is a new object).
const compiledModels = new WeakMap<ScoringModel, CompiledRules>();

function compile(model: ScoringModel): CompiledRules {
  let compiled = compiledModels.get(model);
  if (!compiled) {
    compiled = {
      indexByType: new Map(model.engagement.map((rule, index) => [rule.event, index])),
      rules: model.engagement,
      periodMs: model.engagement.map((rule) => (rule.cap ? rule.cap.periodDays * DAY_MS : 0)),
      halfLifeMs: model.engagement.map((rule) => rule.halfLifeDays * DAY_MS),
    };
    compiledModels.set(model, compiled);
  }
  return compiled;
}

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
  const compiled = compile(model);
  let fitEvent: LeadEventOf<'FitUpdated'> | null = null;
  let champion: LeadEventOf<'ChampionIdentified'> | null = null;
  const engagements: Engagement[] = [];
  let members: Map<string, CommitteeRole> | null = null;
  let sorted = true;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (event.occurredAt > at) continue;
    switch (event.type) {
      case 'EngagementRecorded':
        if (
          sorted &&
          engagements.length > 0 &&
          byTime(engagements[engagements.length - 1], event) > 0
        )
          sorted = false;
        engagements.push(event);
        break;
      case 'FitUpdated':
        fitEvent = event;
        break;
      case 'CommitteeMemberAdded':
        (members ??= new Map()).set(event.data.contactId, event.data.role);
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
    const { indexByType, rules, periodMs, halfLifeMs } = compiled;
    const periods = new Array<number>(rules.length).fill(-1);
    const used = new Array<number>(rules.length).fill(0);
    for (let i = 0; i < engagements.length; i++) {
      const event = engagements[i];
      const index = indexByType.get(event.data.type);
      if (index === undefined) continue;
      const rule = rules[index];
      let counted = rule.points;
      if (rule.cap) {
        const period = Math.floor(event.occurredAt / periodMs[index]);
        if (period !== periods[index]) {
          periods[index] = period;
          used[index] = 0;
        }
        const size = Math.min(Math.abs(rule.points), Math.max(0, rule.cap.points - used[index]));
        counted = rule.points < 0 ? -size : size;
        used[index] += size;
      }
      const decayed =
        counted === 0 ? 0 : counted * 0.5 ** ((at - event.occurredAt) / halfLifeMs[index]);
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

  if (members && model.committee.pointsPerRole > 0) {
    const roles = new Set<CommitteeRole>();
    for (const event of engagements) {
      const role = event.data.contactId ? members.get(event.data.contactId) : undefined;
      if (role && role !== 'blocker') roles.add(role);
    }
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
