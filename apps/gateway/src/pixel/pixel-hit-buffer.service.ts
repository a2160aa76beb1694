import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EMAIL_PIXEL_HITS_STREAM, EmailPixelHit, EmailPixelSubjects } from '@sales-suite/contracts';
import { ensureStream, NatsClientService, prefixed } from '@sales-suite/messaging';
import {
  pixelHitsBuffered,
  pixelHitsPublishedTotal,
  pixelPublishRetriesTotal,
  pixelRequestsTotal,
} from './pixel.metrics';

const BATCH_SIZE = 512;
const PUBLISH_TIMEOUT_MS = 3000;
const MAX_BACKOFF_MS = 2000;

/**
 * Holds valid pixel hits in memory and publishes them to JetStream in the background, so the
 * pixel never waits for NATS. A hit leaves the buffer only when JetStream acknowledged it; a
 * failed publish goes back to the front and is retried with back-off (NATS restarting, stream
 * missing). The hit id is the JetStream message id, so a retry of a publish whose ack was lost
 * is dropped as a duplicate. On shutdown the buffer is flushed before NATS is drained.
 */
@Injectable()
export class PixelHitBuffer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PixelHitBuffer.name);
  private pending: EmailPixelHit[] = [];
  /** Hits of the batch being published: still ours until JetStream acknowledges them. */
  private inFlight = 0;
  private readonly capacity: number;
  private readonly shutdownGraceMs: number;
  private wake?: () => void;
  private loop?: Promise<void>;
  private stopping = false;
  private failures = 0;

  constructor(
    private readonly nats: NatsClientService,
    config: ConfigService,
  ) {
    this.capacity = config.getOrThrow<number>('PIXEL_HIT_BUFFER_MAX');
    this.shutdownGraceMs = config.getOrThrow<number>('SHUTDOWN_GRACE_MS');
  }

  /** Queues a hit; false when the buffer is full (the hit is dropped and counted). */
  add(hit: EmailPixelHit): boolean {
    if (this.pending.length >= this.capacity) {
      pixelRequestsTotal.inc({ outcome: 'dropped' });
      return false;
    }
    this.pending.push(hit);
    pixelHitsBuffered.set(this.size);
    this.wake?.();
    return true;
  }

  /** Hits not yet acknowledged by JetStream. */
  get size(): number {
    return this.pending.length + this.inFlight;
  }

  onApplicationBootstrap(): void {
    this.loop = this.run().catch((error: Error) =>
      this.logger.error(`Pixel hit publisher stopped: ${error.message}`),
    );
  }

  private async run(): Promise<void> {
    await this.nats.connected();
    await this.ensureStream();
    const subject = prefixed(this.nats.subjectPrefix, EmailPixelSubjects.Hit);
    while (!this.stopping || this.pending.length > 0) {
      if (this.pending.length === 0) {
        await this.sleep(this.stopping ? 0 : 1000);
        continue;
      }
      const batch = this.pending.splice(0, BATCH_SIZE);
      this.inFlight = batch.length;
      const js = this.nats.jetstream();
      const results = await Promise.allSettled(
        batch.map((hit) =>
          js.publish(subject, JSON.stringify(hit), {
            msgID: hit.hitId,
            timeout: PUBLISH_TIMEOUT_MS,
          }),
        ),
      );
      const failed = batch.filter((_, index) => results[index].status === 'rejected');
      this.inFlight = 0;
      pixelHitsPublishedTotal.inc(batch.length - failed.length);
      if (failed.length > 0) {
        this.pending = failed.concat(this.pending);
        pixelPublishRetriesTotal.inc(failed.length);
        this.failures++;
        const reason = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult)
          .reason as Error;
        if (this.failures === 1 || this.failures % 20 === 0)
          this.logger.warn(
            `Publishing ${failed.length} pixel hits failed (${reason.message}); ${this.pending.length} buffered, retrying`,
          );
        await this.sleep(Math.min(MAX_BACKOFF_MS, 100 * 2 ** Math.min(this.failures, 5)));
        if (this.failures % 10 === 0) await this.ensureStream().catch(() => undefined);
      } else {
        this.failures = 0;
      }
      pixelHitsBuffered.set(this.size);
    }
  }

  private async ensureStream(): Promise<void> {
    for (;;) {
      try {
        await ensureStream(
          await this.nats.jetstreamManager(),
          EMAIL_PIXEL_HITS_STREAM,
          this.nats.subjectPrefix,
        );
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
