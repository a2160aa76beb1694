import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { NatsClientService, prefixed } from '@sales-suite/messaging';
import { outboxBatchSize, outboxPublishedTotal } from '@sales-suite/observability';
import { headers as natsHeaders } from 'nats';
import { DataSource } from 'typeorm';
import { quoteIdent } from '../migrations/schema-sql';
import { PERSISTENCE_OPTIONS, PersistenceOptions } from '../persistence.options';

interface OutboxRow {
  id: string;
  subject: string;
  payload: unknown;
  headers: Record<string, string>;
}

const BATCH_SIZE = 200;
const IDLE_POLL_MS = 250;
const RETENTION = '1 day';

/**
 * Moves committed outbox rows to JetStream, oldest first. Rows are locked with SKIP LOCKED so that
 * replicas share the work; the row id is the JetStream message id, so a batch republished after a
 * crash is dropped by the stream's duplicate window (and consumers are idempotent anyway).
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly table: string;
  private running = false;
  private stopped = false;
  private wake?: () => void;
  private loop?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly nats: NatsClientService,
    @Inject(PERSISTENCE_OPTIONS) private readonly options: PersistenceOptions,
  ) {
    this.table = `${quoteIdent(options.database.schema)}.outbox`;
  }

  onApplicationBootstrap(): void {
    if (this.options.streams.length === 0) return;
    this.loop = this.run();
  }

  /** Asks the relay to look now instead of at its next poll (call after committing events). */
  publishSoon(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    await this.nats.connected();
    this.running = true;
    await this.ensureStreams();
    let sinceCleanup = 0;
    while (!this.stopped) {
      let published = 0;
      try {
        // Polling is not a request: its queries would flood the traces. Each event still carries
        // the trace context of the change that wrote it, in its headers.
        published = await context.with(suppressTracing(context.active()), () => this.relayBatch());
        // No lease needed: every replica may clean up, deleting rows published a day ago is idempotent.
        if (++sinceCleanup >= 2400) {
          sinceCleanup = 0;
          await this.dataSource.query(
            `DELETE FROM ${this.table} WHERE published_at < now() - interval '${RETENTION}'`,
          );
        }
      } catch (error) {
        this.logger.warn(`Outbox relay will retry: ${(error as Error).message}`);
      }
      if (published < BATCH_SIZE) await this.sleep(published === 0 ? IDLE_POLL_MS : 0);
    }
  }

  /** Until the streams exist: a publish to a missing stream would fail every row. */
  private async ensureStreams(): Promise<void> {
    while (!this.stopped) {
      try {
        for (const stream of this.options.streams) await this.nats.ensureStream(stream);
        return;
      } catch (error) {
        this.logger.warn(`Outbox streams not ready, retrying: ${(error as Error).message}`);
        await this.sleep(1000);
      }
    }
  }

  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, subject, payload, headers FROM ${this.table}
         WHERE published_at IS NULL ORDER BY created_at, id LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const js = this.nats.jetstream();
      for (const row of rows) {
        const headers = natsHeaders();
        for (const [key, value] of Object.entries(row.headers)) headers.set(key, value);
        await js.publish(
          prefixed(this.nats.subjectPrefix, row.subject),
          Buffer.from(JSON.stringify(row.payload)),
          {
            msgID: row.id,
            headers,
          },
        );
        outboxPublishedTotal.inc({ subject: row.subject });
      }
      await manager.query(
        `UPDATE ${this.table} SET published_at = now() WHERE id = ANY($1::uuid[])`,
        [rows.map((row) => row.id)],
      );
      outboxBatchSize.observe(rows.length);
      return rows.length;
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    if (this.running) await this.loop;
  }
}
