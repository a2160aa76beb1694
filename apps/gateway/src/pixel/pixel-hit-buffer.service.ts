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
import { WakeableLoop } from '@sales-suite/platform';
import { headers as natsHeaders, MsgHdrs } from 'nats';
import { randomUUID } from 'node:crypto';
import {
  pixelHitsBuffered,
  pixelHitsPublishedTotal,
  pixelPublishRetriesTotal,
} from './pixel.metrics';

const PUBLISH_TIMEOUT_MS = 3000;
const IDLE_MS = 1000;
/** A failed publish is retried after 200 ms, doubling up to 2 s. */
const BACKOFF = { initialMs: 200, maxMs: 2000 };
/** After this many failed publishes in a row the stream is ensured again (it may have been lost). */
const ENSURE_STREAM_EVERY = 10;
/**
 * How long a batch may wait to fill before it is published (as Kafka's linger.ms): publishing as
 * soon as one hit arrived made a publish, and its acknowledgement, for every few hits under load;
 * at 10 ms a load spread over 16 partitions still sent messages of 2–3 hits, each one more
 * delivery, parse, span and ack for the recorder too. Opens are not awaited by anyone this soon.
 */
const LINGER_MS = 50;

const tracer = trace.getTracer('sales-suite-gateway');

/** A batch on its way to JetStream; a retry publishes the same id and trace context again. */
interface OutgoingBatch {
  partition: number;
  batch: EmailPixelHitBatch;
  headers: MsgHdrs;
}

/**
 * Holds valid pixel hits (and clicks on tracked links, which travel as hits with `click` set) in
 * memory and publishes them to JetStream in the background, so the pixel never waits for NATS. Hits travel in batches (one message per up to 256 hits: the edge
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
  private readonly loop = new WakeableLoop(
    {
      name: PixelHitBuffer.name,
      idleMs: IDLE_MS,
      backoff: BACKOFF,
      // On shutdown, publishing goes on until every hit is acknowledged (or the grace runs out).
      drainWhile: () => this.size > 0,
    },
    (loop) => this.publishPass(loop),
  );
  private subjects?: string[];
  private lingering = false;

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
    if (!this.lingering || queue.length >= MAX_HITS_PER_MESSAGE) this.loop.wake();
    return true;
  }

  /** Hits not yet acknowledged by JetStream. */
  get size(): number {
    return this.bufferedCount;
  }

  onApplicationBootstrap(): void {
    // A connection that never comes is logged by the NATS client; the loop then never starts.
    this.nats.connected().then(
      () => this.loop.start(),
      () => undefined,
    );
  }

  /**
   * Publishes a batch per partition with hits (after letting them linger, unless one is full or
   * shutdown began); throws when any publish failed, so that the loop backs off.
   */
  private async publishPass(loop: WakeableLoop): Promise<number | void> {
    if (!this.subjects || (loop.failures > 0 && loop.failures % ENSURE_STREAM_EVERY === 0)) {
      await this.nats.ensureStream(EMAIL_PIXEL_HITS_STREAM);
      this.subjects ??= Array.from({ length: PIXEL_HIT_PARTITIONS }, (_, partition) =>
        prefixed(this.nats.subjectPrefix, pixelHitsSubject(partition)),
      );
    }
    const subjects = this.subjects;
    if (this.unacknowledged.length === 0 && !loop.stopping) {
      if (this.pendingCount === 0) return;
      if (!this.pending.some((queue) => queue.length >= MAX_HITS_PER_MESSAGE)) {
        this.lingering = true;
        await loop.sleep(LINGER_MS);
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
    pixelHitsBuffered.set(this.size);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed.length === 0) return 0;
    pixelPublishRetriesTotal.inc(failed.length);
    throw new Error(
      `Publishing ${failed.length} pixel hit batches failed (${(failed[0].reason as Error).message}); ${this.size} hits buffered`,
    );
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

  /** Flushes what is buffered (within the shutdown grace) before NATS is drained. */
  async beforeApplicationShutdown(): Promise<void> {
    const deadline = new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, this.shutdownGraceMs - 1000)).unref(),
    );
    await Promise.race([this.loop.stop(), deadline]);
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
