import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { NatsClientService, prefixed, publishToJetStream } from '@sales-suite/messaging';
import { outboxBatchSize, outboxPublishedTotal } from '@sales-suite/observability';
// The background folder only, not the platform index: that one loads this library's module.
import { WakeableLoop } from '@sales-suite/platform/background';
import { DataSource } from 'typeorm';
import { quoteIdent } from '../migrations/schema-sql';
import { PERSISTENCE_OPTIONS, PersistenceOptions } from '../persistence.options';

interface OutboxRow {
  id: string;
  subject: string;
  payload: string;
  /** The stored JSON text: the rows of one transaction share it, so it is parsed once per batch. */
  headers: string;
}

/** Events per pass: 1,000 halves the passes (a transaction, a read and an update each) of 500. */
const BATCH_SIZE = 1000;
const IDLE_POLL_MS = 250;
/** Passes between two clean-ups of published rows: about ten minutes when idle. */
const CLEANUP_EVERY = 2400;
const RETENTION = '1 day';

/**
 * Moves committed outbox rows to JetStream, oldest first. Rows are locked with SKIP LOCKED so that
 * replicas share the work; the row id is the JetStream message id, so a batch republished after a
 * crash is dropped by the stream's duplicate window (and consumers are idempotent anyway).
 * A batch (up to 1,000) is sent at once and its acks awaited together (an import writes thousands
 * of events a second). JetStream stores it in order; only if it refuses one message of a batch
 * and takes a later one (a leader change, a limit reached) is the refused one stored after those,
 * when the batch is sent again.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly table: string;
  private readonly loop = new WakeableLoop(
    {
      name: OutboxRelayService.name,
      idleMs: IDLE_POLL_MS,
      backoff: { initialMs: IDLE_POLL_MS, maxMs: 2000 },
    },
    () => this.relayPass(),
  );
  private streamsReady = false;
  private sinceCleanup = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly nats: NatsClientService,
    @Inject(PERSISTENCE_OPTIONS) private readonly options: PersistenceOptions,
  ) {
    this.table = `${quoteIdent(options.database.schema)}.outbox`;
  }

  onApplicationBootstrap(): void {
    if (this.options.streams.length === 0) return;
    // A connection that never comes is logged by the NATS client; the loop then never starts.
    this.nats.connected().then(
      () => this.loop.start(),
      () => undefined,
    );
  }

  /** Asks the relay to look now instead of at its next poll (call after committing events). */
  publishSoon(): void {
    this.loop.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** One batch; the next pass comes at once while rows keep coming. */
  private async relayPass(): Promise<number | void> {
    // Until the streams exist: a publish to a missing stream would fail every row.
    if (!this.streamsReady) {
      for (const stream of this.options.streams) await this.nats.ensureStream(stream);
      this.streamsReady = true;
    }
    // Polling is not a request: its queries would flood the traces. Each event still carries
    // the trace context of the change that wrote it, in its headers.
    const published = await context.with(suppressTracing(context.active()), () =>
      this.relayBatch(),
    );
    // No lease needed: every replica may clean up, deleting rows published a day ago is idempotent.
    if (++this.sinceCleanup >= CLEANUP_EVERY) {
      this.sinceCleanup = 0;
      await this.dataSource.query(
        `DELETE FROM ${this.table} WHERE published_at < now() - interval '${RETENTION}'`,
      );
    }
    return published === 0 ? undefined : 0;
  }

  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // The payload as stored text: published as is, never parsed and serialised again.
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, subject, payload::text AS payload, headers::text AS headers FROM ${this.table}
         WHERE published_at IS NULL ORDER BY created_at, id LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const headersOf = new Map<string, Record<string, string>>();
      const parsedHeaders = (text: string) => {
        let headers = headersOf.get(text);
        if (!headers) headersOf.set(text, (headers = JSON.parse(text) as Record<string, string>));
        return headers;
      };
      // One batch publish, acks awaited together. If any fails, the batch stays unpublished and
      // is sent again; the copies already stored are dropped by their message id.
      await publishToJetStream(
        this.nats.connection,
        rows.map((row) => ({
          subject: prefixed(this.nats.subjectPrefix, row.subject),
          data: row.payload,
          msgID: row.id,
          headers: parsedHeaders(row.headers),
        })),
      );
      const perSubject = new Map<string, number>();
      for (const row of rows) perSubject.set(row.subject, (perSubject.get(row.subject) ?? 0) + 1);
      for (const [subject, count] of perSubject) outboxPublishedTotal.inc({ subject }, count);
      await manager.query(
        `UPDATE ${this.table} SET published_at = now() WHERE id = ANY($1::uuid[])`,
        [rows.map((row) => row.id)],
      );
      outboxBatchSize.observe(rows.length);
      return rows.length;
    });
  }
}
