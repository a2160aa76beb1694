import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import {
  EMAIL_PIXEL_HITS_STREAM,
  EmailPixelHit,
  EmailPixelHitBatch,
  MAX_HITS_PER_MESSAGE,
  PIXEL_HIT_PARTITIONS,
  pixelHitPartition,
  pixelHitsSubject,
} from '@sales-suite/contracts';
import { NatsClientService, prefixed } from '@sales-suite/messaging';
import { injectTraceContext } from '@sales-suite/observability';
import { headers as natsHeaders, MsgHdrs } from 'nats';
import { randomUUID } from 'node:crypto';
import {
  pixelHitsBuffered,
  pixelHitsPublishedTotal,
  pixelPublishRetriesTotal,
} from './pixel.metrics';

const PUBLISH_TIMEOUT_MS = 3000;
const MAX_BACKOFF_MS = 2000;
/**
 * How long a batch may wait to fill before it is published (as Kafka's linger.ms): publishing as
 * soon as one hit arrived made a publish, and its acknowledgement, for every few hits under load.
 */
const LINGER_MS = 10;

const tracer = trace.getTracer('sales-suite-gateway');

/** A batch on its way to JetStream; a retry publishes the same id and trace context again. */
interface OutgoingBatch {
  partition: number;
  batch: EmailPixelHitBatch;
  headers: MsgHdrs;
}

/**
 * Holds valid pixel hits in memory and publishes them to JetStream in the background, so the
 * pixel never waits for NATS. Hits travel in batches (one message per up to 256 hits: the edge
 * pays one publish and one acknowledgement per batch, not per hit). A batch leaves memory only
 * when JetStream acknowledged it; a failed publish is retried, with the same batch id as message
 * id (so a publish whose ack was lost is dropped as a duplicate) and back-off, while NATS
 * restarts or the stream is missing. On shutdown the buffer is flushed before NATS is drained.
 * A batch carries the hits of one partition (`pixelHitPartition`, by network source) to that
 * partition's subject, with at most one batch in flight per partition (16 messages, 4,096 hits per
 * round trip): a partition's hits then reach the stream in the order they arrived, even when a
 * publish is retried, and its owner classifies them in that order.
 */
@Injectable()
export class PixelHitBuffer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PixelHitBuffer.name);
  /** Hits not in a batch yet, one queue per partition, in arrival order. */
  private readonly pending: EmailPixelHit[][] = Array.from(
    { length: PIXEL_HIT_PARTITIONS },
    () => [],
  );
  private pendingCount = 0;
  /** Hits pending or in an unacknowledged batch: kept as a count, read on every pixel request. */
  private bufferedCount = 0;
  /** Batches made and not yet acknowledged (being published, or waiting for a retry). */
  private unacknowledged: OutgoingBatch[] = [];
  private readonly capacity: number;
  private readonly shutdownGraceMs: number;
  private wake?: () => void;
  private loop?: Promise<void>;
  private stopping = false;
  private lingering = false;
  private failures = 0;

  constructor(
    private readonly nats: NatsClientService,
    config: ConfigService,
  ) {
    this.capacity = config.getOrThrow<number>('PIXEL_HIT_BUFFER_MAX');
    this.shutdownGraceMs = config.getOrThrow<number>('SHUTDOWN_GRACE_MS');
  }

  /** Queues a hit; false when the buffer is full (the caller counts the hit as dropped). */
  add(hit: EmailPixelHit): boolean {
    if (this.size >= this.capacity) return false;
    const queue = this.pending[pixelHitPartition(hit.ip)];
    queue.push(hit);
    this.pendingCount++;
    pixelHitsBuffered.set(++this.bufferedCount);
    if (!this.lingering || queue.length >= MAX_HITS_PER_MESSAGE) this.wake?.();
    return true;
  }

  /** Hits not yet acknowledged by JetStream. */
  get size(): number {
    return this.bufferedCount;
  }

  onApplicationBootstrap(): void {
    this.loop = this.run().catch((error: Error) =>
      this.logger.error(`Pixel hit publisher stopped: ${error.message}`),
    );
  }

  private async run(): Promise<void> {
    await this.nats.connected();
    await this.ensureStream();
    const subjects = Array.from({ length: PIXEL_HIT_PARTITIONS }, (_, partition) =>
      prefixed(this.nats.subjectPrefix, pixelHitsSubject(partition)),
    );
    while (!this.stopping || this.size > 0) {
      if (this.unacknowledged.length === 0 && !this.stopping) {
        if (this.pendingCount === 0) {
          await this.sleep(1000);
          continue;
        }
        if (!this.pending.some((queue) => queue.length >= MAX_HITS_PER_MESSAGE)) {
          this.lingering = true;
          await this.sleep(LINGER_MS);
          this.lingering = false;
        }
      }
      const inFlight = this.withNewBatches();
      const js = this.nats.jetstream();
      const results = await Promise.allSettled(
        inFlight.map(({ partition, batch, headers }) =>
          js.publish(subjects[partition], JSON.stringify(batch), {
            msgID: batch.batchId,
            timeout: PUBLISH_TIMEOUT_MS,
            headers,
          }),
        ),
      );
      this.unacknowledged = inFlight.filter((_, index) => results[index].status === 'rejected');
      const published = inFlight.reduce(
        (sum, { batch }, index) =>
          results[index].status === 'fulfilled' ? sum + batch.hits.length : sum,
        0,
      );
      this.bufferedCount -= published;
      pixelHitsPublishedTotal.inc(published);
      if (this.unacknowledged.length > 0) await this.backOff(results);
      else this.failures = 0;
      pixelHitsBuffered.set(this.size);
    }
  }

  /** The unacknowledged batches, plus a new one for each partition with hits and none of them. */
  private withNewBatches(): OutgoingBatch[] {
    const busy = new Set(this.unacknowledged.map(({ partition }) => partition));
    this.pending.forEach((queue, partition) => {
      if (queue.length === 0 || busy.has(partition)) return;
      const hits = queue.splice(0, MAX_HITS_PER_MESSAGE);
      this.pendingCount -= hits.length;
      const batch = { batchId: randomUUID(), hits };
      this.unacknowledged.push({ partition, batch, headers: traceHeaders(partition, batch) });
    });
    return this.unacknowledged;
  }

  private async backOff(results: PromiseSettledResult<unknown>[]): Promise<void> {
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    pixelPublishRetriesTotal.inc(failed.length);
    this.failures++;
    if (this.failures === 1 || this.failures % 20 === 0)
      this.logger.warn(
        `Publishing ${failed.length} pixel hit batches failed (${(failed[0].reason as Error).message}); ${this.size} hits buffered, retrying`,
      );
    await this.sleep(Math.min(MAX_BACKOFF_MS, 100 * 2 ** Math.min(this.failures, 5)));
    if (this.failures % 10 === 0) await this.ensureStream();
  }

  private async ensureStream(): Promise<void> {
    for (;;) {
      try {
        await this.nats.ensureStream(EMAIL_PIXEL_HITS_STREAM);
        return;
      } catch (error) {
        this.logger.warn(`Pixel hits stream not ready: ${(error as Error).message}`);
        if (this.stopping) return;
        await this.sleep(1000);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  /** Flushes what is buffered (within the shutdown grace) before NATS is drained. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    const deadline = new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, this.shutdownGraceMs - 1000)).unref(),
    );
    await Promise.race([this.loop, deadline]);
    if (this.size > 0)
      this.logger.error(`${this.size} pixel hits were not published before shutdown`);
  }
}

/**
 * Starts the batch's trace: pixel requests are not traced (a span per hit would cost the pixel
 * more than it answers), so the batch is the first traced step of an open, and the recorder,
 * `email.opened` and the lead's score update continue from it. One span per batch, not per hit.
 */
function traceHeaders(partition: number, batch: EmailPixelHitBatch): MsgHdrs {
  const headers = natsHeaders();
  const span = tracer.startSpan(
    `create ${pixelHitsSubject(partition)}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.message.id': batch.batchId,
        'messaging.batch.message_count': batch.hits.length,
      },
    },
    ROOT_CONTEXT,
  );
  injectTraceContext(headers, trace.setSpan(ROOT_CONTEXT, span));
  span.end();
  return headers;
}
