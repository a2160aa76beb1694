import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  ErrorCode,
  FunnelDefinitionDto,
  FunnelDefinitionView,
  FunnelStatsQueryDto,
  FunnelStatsView,
  FunnelVocabularyChanged,
  FunnelVocabularyEvents,
  LeadStage,
  ProjectionRebuildView,
  ResolvedTermView,
  validationFailed,
} from '@sales-suite/contracts';
import { OutboxRelayService, OutboxService } from '@sales-suite/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { FunnelDefinition, funnelDefinitionViolations } from '../domain/funnel-definition';
import {
  carriedVocabulary,
  linkedSlugs,
  newlyLinkedSlugs,
  termUses,
  unknownTermViolations,
  vocabularyChanged,
  vocabularyViolations,
} from '../domain/funnel-vocabulary';
import { CohortLead, funnelStats, StageMiddle } from '../domain/funnel-stats';
import { replayLead } from '../domain/lead-state';
import { LeadEventStore } from '../leads/lead-event.store';
import { LeadProjection } from '../leads/lead-projection';
import { FunnelDefinitionRecord, FunnelDefinitionStore } from '../settings/funnel-definition.store';
import { SettingsVersion } from '../settings/versioned-settings.store';
import { funnelStatsStatements } from './funnel-stats.sql';
import { GlossaryTermsClient } from './glossary-terms.client';

const REBUILD_BATCH = 1000;

/** The funnel definition, the funnel figures, and rebuilding the read models from the events. */
@Injectable()
export class FunnelService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FunnelService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly definitions: FunnelDefinitionStore,
    private readonly events: LeadEventStore,
    private readonly projection: LeadProjection,
    private readonly glossary: GlossaryTermsClient,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelayService,
  ) {}

  /**
   * Announces the current links at start, so the glossary knows them even when no version has
   * changed them since it began keeping uses (the seed links included). It applies a version
   * once, so every replica announcing is harmless. A failure (database away at start) does not
   * stop the service: the next replica start or definition change announces them.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const current = await this.definitions.current(manager);
        await this.announceVocabulary(manager, current.version, current.document);
      });
      this.relay.publishSoon();
    } catch (error) {
      this.logger.warn(`Funnel vocabulary not announced at start: ${(error as Error).message}`);
    }
  }

  /** The current version with each linked term as the glossary answers it now (fetched per read). */
  async definition(): Promise<FunnelDefinitionView> {
    return this.viewOf(await this.definitions.currentView(this.dataSource.manager));
  }

  private async viewOf(record: FunnelDefinitionRecord): Promise<FunnelDefinitionView> {
    return withTerms(record, await this.glossary.resolveIfAvailable(linkedSlugs(record)));
  }

  /**
   * Saves a new version. Slugs it newly links must be live, non-deprecated glossary terms: 422
   * naming the field when not, 503 when the glossary does not answer (nothing is saved).
   */
  async replaceDefinition(
    input: FunnelDefinitionDto,
    actor: string,
  ): Promise<FunnelDefinitionView> {
    const current = await this.definitions.current(this.dataSource.manager);
    const definition: FunnelDefinition = {
      transitions: input.transitions,
      lostReasons: input.lostReasons,
      ...carriedVocabulary(input, current.document),
    };
    const violations = [
      ...funnelDefinitionViolations(definition),
      ...vocabularyViolations(definition),
    ];
    if (violations.length > 0) throw validationFailed(violations);
    const fresh = newlyLinkedSlugs(definition, current.document);
    const terms = await this.glossary.resolve(fresh);
    const unknown = unknownTermViolations(definition, terms, fresh);
    if (unknown.length > 0)
      throw new DomainError(
        ErrorCode.GlossaryUnknownTerm,
        `Invalid input: ${unknown.map((v) => `${v.field}: ${v.reason}`).join('; ')}`,
        { violations: unknown },
      );
    const saved = await this.dataSource.transaction((manager) =>
      this.saveVersion(manager, definition, current, actor),
    );
    this.relay.publishSoon();
    return this.viewOf(this.definitions.toView(saved));
  }

  /**
   * Appends the version after `current` and, when its links differ from that one's, tells the
   * glossary (outbox, same transaction): the glossary's table of uses follows the newest version.
   * A version saved meanwhile is a 409 (rolled back): the links were checked against `current`.
   */
  async saveVersion(
    manager: EntityManager,
    definition: FunnelDefinition,
    current: SettingsVersion<FunnelDefinition>,
    actor: string,
  ): Promise<SettingsVersion<FunnelDefinition>> {
    const saved = await this.definitions.save(manager, definition, actor);
    if (saved.version !== current.version + 1)
      throw new DomainError(
        ErrorCode.Conflict,
        'The funnel definition was changed at the same time; read it again and retry',
      );
    if (vocabularyChanged(definition, current.document))
      await this.announceVocabulary(manager, saved.version, definition);
    return saved;
  }

  private async announceVocabulary(
    manager: EntityManager,
    version: number,
    definition: FunnelDefinition,
  ): Promise<void> {
    const event: FunnelVocabularyChanged = {
      version,
      uses: termUses(definition).map(({ termSlug, kind, key }) => ({ termSlug, kind, key })),
    };
    await this.outbox.enqueue(manager, FunnelVocabularyEvents.Changed, event);
  }

  /** After a commit: the relay publishes what the change queued at once, not at its next poll. */
  publishSoon(): void {
    this.relay.publishSoon();
  }

  /**
   * Figures for the cohort of leads created in [from, to): two statements over the funnel
   * rollup and the lead rows of partial days (funnelStatsStatements), so the work grows with the
   * days and groups asked for, not with the leads; folded by funnelStats.
   */
  async stats(query: FunnelStatsQueryDto): Promise<FunnelStatsView> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw validationFailed([{ field: 'to', reason: 'to must be after from' }]);
    const groupBy = query.groupBy ?? null;
    const { counts, middles: lengths, parameters } = funnelStatsStatements(groupBy, from, to);
    const [rows, middles]: [
      {
        key: string | null;
        stage: LeadStage;
        lost_reason: string | null;
        stages_reached: LeadStage[];
        stage_moves: string[];
        leads: number;
      }[],
      { key: string | null; overall: boolean; stage: LeadStage; lower: number; upper: number }[],
    ] = await Promise.all([
      this.dataSource.query(counts, parameters),
      this.dataSource.query(lengths, parameters),
    ]);
    const cohort: CohortLead[] = rows.map((row) => ({
      key: row.key,
      stage: row.stage,
      lostReason: row.lost_reason,
      reached: row.stages_reached,
      moves: row.stage_moves,
      count: row.leads,
    }));
    const overall: StageMiddle[] = [];
    const byGroup = new Map<string | null, StageMiddle[]>();
    for (const { key: group, overall: isOverall, stage, lower, upper } of middles) {
      const middle = { stage, lower, upper };
      if (isOverall) overall.push(middle);
      else byGroup.set(group, [...(byGroup.get(group) ?? []), middle]);
    }
    const definition = await this.definitions.current(this.dataSource.manager);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy,
      definitionVersion: definition.version,
      ...funnelStats(cohort, groupBy, definition.document.transitions, { overall, byGroup }),
    };
  }

  /**
   * Throws the read models away and replays every stream into them, in one transaction (readers
   * see the old rows until it commits). Same fold, same projection code: same rows.
   */
  async rebuildProjections(): Promise<ProjectionRebuildView> {
    const started = performance.now();
    let leads = 0;
    let events = 0;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE funnel.lead_events IN SHARE MODE`);
      await manager.query(`TRUNCATE funnel.leads, funnel.lead_stage_visits, funnel.funnel_cohort_days,
        funnel.funnel_stage_lengths`);
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const ids: { lead_id: string }[] = await manager.query(
          `SELECT DISTINCT lead_id FROM funnel.lead_events WHERE lead_id > $1
           ORDER BY lead_id LIMIT ${REBUILD_BATCH}`,
          [after],
        );
        if (ids.length === 0) break;
        const streams = await this.events.readMany(
          manager,
          ids.map((row) => row.lead_id),
        );
        const states = [...streams].map(([id, stream]) => {
          events += stream.length;
          return replayLead(id, stream)!;
        });
        await this.projection.save(manager, states);
        leads += states.length;
        after = ids[ids.length - 1].lead_id;
      }
    });
    return { leads, events, durationMs: Math.round(performance.now() - started) };
  }
}

/** The view of a version: each link with its term, or null terms when the glossary is away. */
function withTerms(
  record: FunnelDefinitionRecord,
  terms: readonly ResolvedTermView[] | null,
): FunnelDefinitionView {
  const bySlug = new Map((terms ?? []).map((term) => [term.slug, term]));
  const term = (slug: string) => {
    const found = bySlug.get(slug);
    return found ? { name: found.name, definition: found.definition, status: found.status } : null;
  };
  return {
    version: record.version,
    transitions: record.transitions,
    lostReasons: record.lostReasons,
    stages: record.stages.map((link) => ({ ...link, term: term(link.termSlug) })),
    lostReasonTerms: record.lostReasonTerms.map((link) => ({ ...link, term: term(link.termSlug) })),
    termsAvailable: terms !== null,
    updatedAt: record.updatedAt,
  };
}
