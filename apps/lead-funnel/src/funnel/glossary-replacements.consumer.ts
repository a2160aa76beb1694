import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  ErrorCode,
  GLOSSARY_EVENTS_STREAM,
  GlossaryEvents,
  GlossaryTermDeleted,
  GlossaryTermUpdated,
} from '@sales-suite/contracts';
import { ConsumedEvent, EventOutcome, JetStreamConsumerService } from '@sales-suite/messaging';
import { InboxService } from '@sales-suite/persistence';
import { DataSource } from 'typeorm';
import { replaceTerm } from '../domain/funnel-vocabulary';
import { FunnelDefinitionStore } from '../settings/funnel-definition.store';
import { FunnelService } from './funnel.service';

const CONSUMER = 'lead-funnel-glossary-replacements';
/** The author recorded on a definition version the glossary's replacement made. */
const ACTOR = 'glossary';
const ATTEMPTS = 5;

/** The replacement an event names: a term deleted or deprecated with `replacedBy`. */
export function replacementOf(subject: string, data: unknown): { from: string; to: string } | null {
  if (!data || typeof data !== 'object') return null;
  if (subject === GlossaryEvents.TermDeleted) {
    const event = data as Partial<GlossaryTermDeleted>;
    return typeof event.slug === 'string' && typeof event.replacedBy === 'string'
      ? { from: event.slug, to: event.replacedBy }
      : null;
  }
  if (subject === GlossaryEvents.TermUpdated) {
    const term = (data as Partial<GlossaryTermUpdated>).term;
    return term?.status === 'deprecated' && typeof term.replacedBy === 'string'
      ? { from: term.slug, to: term.replacedBy }
      : null;
  }
  return null;
}

/**
 * Moves the funnel's links to a term the glossary deleted or deprecated with a replacement (the
 * glossary refuses either without one while the funnel uses the term). Idempotent twice over:
 * the inbox drops a redelivered message, and a definition that no longer links the old slug is
 * left as it is.
 */
@Injectable()
export class GlossaryReplacementsConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(GlossaryReplacementsConsumer.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: JetStreamConsumerService,
    private readonly inbox: InboxService,
    private readonly definitions: FunnelDefinitionStore,
    private readonly funnel: FunnelService,
  ) {}

  onApplicationBootstrap(): void {
    this.consumers.start<unknown>({
      stream: GLOSSARY_EVENTS_STREAM,
      durable: CONSUMER,
      subject: 'glossary.term.*',
      // In order: a later replacement of the same term must not overtake an earlier one.
      handleBatch: async (batch) => {
        const outcomes: EventOutcome[] = [];
        for (const event of batch) outcomes.push(await this.handleWithRetry(event));
        this.funnel.publishSoon();
        return outcomes;
      },
    });
  }

  /** Two writers racing for one version number: the loser reads the new version and retries. */
  private async handleWithRetry(event: ConsumedEvent<unknown>): Promise<EventOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.handle(event);
      } catch (error) {
        const conflict = error instanceof DomainError && error.code === ErrorCode.Conflict;
        if (!conflict || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  async handle(consumed: ConsumedEvent<unknown>): Promise<EventOutcome> {
    const replacement = replacementOf(consumed.subject, consumed.data);
    if (!replacement) return 'processed';
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, consumed.messageId))) return 'duplicate';
      const current = await this.definitions.current(manager);
      const replaced = replaceTerm(current.document, replacement.from, replacement.to);
      if (!replaced) return 'processed';
      const saved = await this.funnel.saveVersion(manager, replaced, current, ACTOR);
      this.logger.log(
        `Funnel definition ${saved.version}: glossary term ${replacement.from} replaced by ${replacement.to}`,
      );
      return 'processed';
    });
  }
}
