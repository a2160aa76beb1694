import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FUNNEL_VOCABULARY_STREAM,
  FunnelVocabularyChanged,
  FunnelVocabularyChangedDto,
  FunnelVocabularyEvents,
  GlossaryBroadcasts,
  ServiceNames,
} from '@sales-suite/contracts';
import { broadcast, JetStreamConsumerService, NatsClientService } from '@sales-suite/messaging';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource } from 'typeorm';
import { TermUsesStore } from './term-uses.store';

const CONSUMER = 'glossary-funnel-vocabulary';

/** A snapshot the glossary can apply; anything else is terminated, never retried. */
function isVocabularySnapshot(data: unknown): data is FunnelVocabularyChanged {
  if (!data || typeof data !== 'object') return false;
  return validateSync(plainToInstance(FunnelVocabularyChangedDto, data)).length === 0;
}

/**
 * Keeps the table of uses from the funnel's snapshots (the newest version wins, so redelivery
 * and reordering are harmless), then tells every gateway replica which terms' `usedBy` changed.
 */
@Injectable()
export class FunnelUsesConsumer implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: JetStreamConsumerService,
    private readonly nats: NatsClientService,
    private readonly uses: TermUsesStore,
  ) {}

  onApplicationBootstrap(): void {
    this.consumers.start<FunnelVocabularyChanged>({
      stream: FUNNEL_VOCABULARY_STREAM,
      durable: CONSUMER,
      subject: FunnelVocabularyEvents.Changed,
      accepts: isVocabularySnapshot,
      handleBatch: async (batch) => {
        const changed = await this.dataSource.transaction(async (manager) => {
          const slugs = new Set<string>();
          for (const { data } of batch) {
            const moved = await this.uses.applySnapshot(
              manager,
              ServiceNames.LeadFunnel,
              data.version,
              data.uses,
            );
            moved.forEach((slug) => slugs.add(slug));
          }
          return [...slugs];
        });
        if (changed.length > 0)
          broadcast(
            this.nats,
            GlossaryBroadcasts.TermUsesChanged,
            Buffer.from(JSON.stringify({ slugs: changed })),
          );
        return batch.map(() => 'processed' as const);
      },
    });
  }
}
