import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@sales-suite/contracts';
import type { EntityManager } from 'typeorm';
import { FunnelPolicy, LeadDraft } from '../domain/lead-draft';
import { assignmentNeed, Territory } from '../domain/territory-rules';
import { FunnelDefinitionStore } from '../settings/funnel-definition.store';
import { ScoringModelStore } from '../settings/scoring-model.store';
import { TerritoryStore } from '../settings/territory.store';
import { VersionedSettingsStore } from '../settings/versioned-settings.store';
import { LeadEventStore } from './lead-event.store';
import { LeadProjection } from './lead-projection';

export interface LoadedPolicy extends FunnelPolicy {
  territories: Territory[];
}

export type LeadDecision = (draft: LeadDraft, policy: LoadedPolicy) => void | Promise<void>;

/**
 * The write side of a lead: load its stream, let a command decide, append what it decided with
 * optimistic concurrency and update the read models, all in the caller's transaction.
 */
@Injectable()
export class LeadWriter {
  constructor(
    private readonly events: LeadEventStore,
    private readonly projection: LeadProjection,
    private readonly definitions: FunnelDefinitionStore,
    private readonly models: ScoringModelStore,
    private readonly territories: TerritoryStore,
  ) {}

  /**
   * The current funnel definition, scoring model and territories, in one round trip. Read for
   * every command and never kept: a change saved through any replica applies to the next command
   * on every replica.
   */
  async policy(manager: EntityManager, now = Date.now()): Promise<LoadedPolicy> {
    const { definition, model, territories } = await VersionedSettingsStore.currentOf(manager, {
      definition: this.definitions,
      model: this.models,
      territories: this.territories,
    });
    return {
      definition: definition.document,
      model: model.document,
      modelVersion: model.version,
      territories: territories.document,
      now,
    };
  }

  async change(
    manager: EntityManager,
    leadId: string,
    actor: string,
    decide: LeadDecision,
    expectedVersion?: number,
  ): Promise<LeadDraft> {
    const history = await this.events.read(manager, leadId);
    if (history.length === 0)
      throw new DomainError(ErrorCode.LeadNotFound, `No lead has the id ${leadId}`, { leadId });
    const draft = new LeadDraft(leadId, history);
    if (expectedVersion !== undefined && expectedVersion !== draft.readVersion)
      throw new DomainError(
        ErrorCode.LeadVersionConflict,
        `The lead is at version ${draft.readVersion}, not ${expectedVersion}; read it again and retry`,
        { leadId, expectedVersion, currentVersion: draft.readVersion },
      );
    await decide(draft, await this.policy(manager));
    await this.commit(manager, [draft], actor);
    return draft;
  }

  /** Appends every draft's pending events and projects the states they lead to. */
  async commit(manager: EntityManager, drafts: LeadDraft[], actor: string): Promise<void> {
    const changed = drafts.filter((draft) => draft.pending.length > 0);
    await this.events.append(
      manager,
      changed.map((draft) => ({ leadId: draft.id, events: draft.pending })),
      actor,
    );
    await this.projection.save(
      manager,
      changed.map((draft) => draft.state),
      changed.filter((draft) => draft.movedStage).map((draft) => draft.state),
    );
  }

  /** Moves the lead to the territory its attributes match, with the next owner in turn. */
  async assign(
    manager: EntityManager,
    draft: LeadDraft,
    policy: LoadedPolicy,
    reason: 'round_robin' | 'territory_change',
  ): Promise<void> {
    const need = assignmentNeed(draft.state, policy.territories);
    if (!need) return;
    const ownerId =
      need.owners && need.territoryId
        ? await this.territories.nextOwner(manager, need.territoryId, need.owners)
        : draft.state.ownerId;
    draft.record({
      type: 'LeadAssigned',
      occurredAt: policy.now,
      data: {
        territoryId: need.territoryId,
        ownerId,
        reason: draft.state.ownerPinned ? 'explicit' : reason,
      },
    });
  }
}

/** Re-runs a whole transaction when a lead stream moved on under it (consumers, background jobs). */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const conflict = error instanceof DomainError && error.code === ErrorCode.LeadVersionConflict;
      if (!conflict || attempt >= attempts) throw error;
    }
  }
}
