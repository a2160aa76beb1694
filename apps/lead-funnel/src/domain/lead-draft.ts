import type { LeadStage, ScoringModel } from '@sales-suite/contracts/core';
import { assertTransition, FunnelDefinition, isTransitionAllowed } from './funnel-definition';
import type { LeadEvent, NewLeadEvent } from './lead-events';
import { applyLeadEvent, LeadState, replayLead } from './lead-state';
import { Publication, publicationsOf } from './lead-publications';
import { qualificationMove } from './qualification';
import { scoreLead } from './score';
import { scoreAnnouncement, ScoreEventRules } from './score-announcement';

/** What automatic moves depend on: the current model and funnel definition, and the time. */
export interface FunnelPolicy {
  model: ScoringModel;
  modelVersion: number;
  definition: FunnelDefinition;
  /** When a new score is also published (lead.score_changed). */
  scoreEvents: ScoreEventRules;
  now: number;
}

/**
 * A lead's stream being changed by one command: the events read, the ones it decided to append
 * (numbered after the last read version), and the state they lead to. Pure: the store appends
 * `pending` with optimistic concurrency on `readVersion`.
 */
export class LeadDraft {
  readonly pending: LeadEvent[] = [];
  /** The state as read, before this command. */
  readonly initial: LeadState | null;
  private current: LeadState | null;

  constructor(
    readonly id: string,
    readonly history: readonly LeadEvent[],
  ) {
    this.initial = replayLead(id, history);
    this.current = this.initial;
  }

  get readVersion(): number {
    return this.history.length === 0 ? 0 : this.history[this.history.length - 1].version;
  }

  get state(): LeadState {
    if (!this.current) throw new Error(`Lead ${this.id} has no events`);
    return this.current;
  }

  get exists(): boolean {
    return this.current !== null;
  }

  /** Whether the pending events change the stage history (creation or a stage change). */
  get movedStage(): boolean {
    return this.pending.some(
      (event) => event.type === 'LeadCreated' || event.type === 'StageChanged',
    );
  }

  /** What other tools hear about the pending events (lead.* through the outbox). */
  publications(): Publication[] {
    return publicationsOf(this.id, this.initial, this.pending);
  }

  events(): LeadEvent[] {
    return [...this.history, ...this.pending];
  }

  record(event: NewLeadEvent): void {
    const version = (this.current?.version ?? 0) + 1;
    const full = { ...event, version } as LeadEvent;
    this.current = { ...applyLeadEvent(this.current, full), id: this.id };
    this.pending.push(full);
  }

  /** A move asked for by a person: it must be allowed, and a loss needs a configured reason. */
  transition(
    definition: FunnelDefinition,
    to: LeadStage,
    reason: string | null,
    now: number,
  ): void {
    const from = this.state.stage;
    assertTransition(definition, from, to, reason);
    this.record({
      type: 'StageChanged',
      occurredAt: now,
      data: { from, to, reason, automatic: false, cause: null },
    });
  }

  /**
   * The stage a CRM import found the lead at: entered directly, whatever moves the definition
   * allows (that history was made in the CRM), and as a person's move (`automatic: false`), so
   * qualification never demotes an imported MQL however low its score here.
   */
  enterImportedStage(stage: LeadStage, at: number): void {
    const from = this.state.stage;
    if (stage === from) return;
    this.record({
      type: 'StageChanged',
      occurredAt: at,
      data: { from, to: stage, reason: 'import', automatic: false, cause: null },
    });
  }

  /**
   * After a change that can affect the score: the first engagement moves a new lead to engaged,
   * the score is recomputed (a ScoreChanged when it differs or the model changed), and crossing
   * the MQL threshold moves the lead, in each case only where the funnel definition allows it.
   */
  settle(policy: FunnelPolicy): void {
    const { definition, model, modelVersion, scoreEvents, now } = policy;
    if (
      this.state.stage === 'new' &&
      this.pending.some((event) => event.type === 'EngagementRecorded') &&
      isTransitionAllowed(definition, 'new', 'engaged')
    ) {
      this.record({
        type: 'StageChanged',
        occurredAt: now,
        data: {
          from: 'new',
          to: 'engaged',
          reason: 'first_engagement',
          automatic: true,
          cause: null,
        },
      });
    }
    const score = scoreLead(this.events(), model, now, false);
    const stored = this.state.score;
    // An unchanged score still due for publication (a lead from before scores were published)
    // gets its ScoreChanged too, or the decay sweep would pick it again and again.
    const announcement = scoreAnnouncement(this.state.announcedTotal, score.total, scoreEvents);
    if (
      !stored ||
      stored.modelVersion !== modelVersion ||
      stored.fit !== score.fit ||
      stored.engagement !== score.engagement ||
      stored.total !== score.total ||
      announcement
    ) {
      this.record({
        type: 'ScoreChanged',
        occurredAt: now,
        data: {
          modelVersion,
          fit: score.fit,
          engagement: score.engagement,
          total: score.total,
          decay: score.decay,
          ...(announcement && { announcement }),
        },
      });
    }
    const { stage, autoQualified } = this.state;
    const move = qualificationMove(stage, autoQualified, score.total, model.qualification);
    if (move && isTransitionAllowed(definition, stage, move.to)) {
      const { mqlThreshold: threshold, hysteresis } = model.qualification;
      this.record({
        type: 'StageChanged',
        occurredAt: now,
        data: {
          from: stage,
          to: move.to,
          reason: move.to === 'mql' ? 'score_reached_threshold' : 'score_fell_below_band',
          automatic: true,
          cause: { score: score.total, threshold, hysteresis, modelVersion },
        },
      });
    }
  }
}
