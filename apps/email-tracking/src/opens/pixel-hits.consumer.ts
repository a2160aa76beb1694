import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  EMAIL_PIXEL_HITS_STREAM,
  EmailPixelHit,
  EmailPixelHitBatch,
  EmailPixelSubjects,
} from '@sales-suite/contracts';
import { ensureStream, NatsClientService, prefixed } from '@sales-suite/messaging';
import { jetstreamConsumedTotal } from '@sales-suite/observability';
import { AckPolicy, Consumer, DeliverPolicy, JsMsg } from 'nats';
import { OpenRecorderService } from './open-recorder.service';

const DURABLE = 'email-tracking-pixel-hits';
/** Messages fetched at once; each carries up to 256 hits, recorded in one transaction. */
const MESSAGES_PER_FETCH = 4;
const FETCH_EXPIRES_MS = 1000;
const ACK_WAIT_NS = 30 * 1_000_000_000;

/**
 * Reads the hit batches the gateway published with a durable pull consumer: the hits of a few
 * messages are recorded in one transaction and the messages acked after the commit (no hit lost;
 * redeliveries are absorbed by the unique hit id). When that fails, each message is retried on
 * its own, so one bad message cannot hold back the others; a failing one is nak'ed with back-off.
 */
@Injectable()
export class PixelHitsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PixelHitsConsumer.name);
  private stopped = false;
  private loop?: Promise<void>;

  constructor(
    private readonly nats: NatsClientService,
    private readonly recorder: OpenRecorderService,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    await this.nats.connected();
    while (!this.stopped) {
      try {
        const consumer = await this.durableConsumer();
        while (!this.stopped) {
          const messages: JsMsg[] = [];
          for await (const message of await consumer.fetch({
            max_messages: MESSAGES_PER_FETCH,
            expires: FETCH_EXPIRES_MS,
          }))
            messages.push(message);
          if (messages.length > 0) await this.process(messages);
        }
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn(`Pixel hit consumer will retry: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  /** Created here with a single filter subject (works on every JetStream server version). */
  private async durableConsumer(): Promise<Consumer> {
    const prefix = this.nats.subjectPrefix;
    const manager = await this.nats.jetstreamManager();
    const stream = await ensureStream(manager, EMAIL_PIXEL_HITS_STREAM, prefix);
    const durable = `${prefix.replace(/\./g, '_')}${DURABLE}`;
    await manager.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: prefixed(prefix, EmailPixelSubjects.Hits),
      ack_wait: ACK_WAIT_NS,
      max_ack_pending: MESSAGES_PER_FETCH * 8,
    });
    return this.nats.jetstream().consumers.get(stream, durable);
  }

  private async process(received: JsMsg[]): Promise<void> {
    const messages: { message: JsMsg; hits: EmailPixelHit[] }[] = [];
    for (const message of received) {
      const hits = readHits(message);
      if (hits) messages.push({ message, hits });
      else {
        // Unreadable forever: redelivering it would only block the stream.
        message.term();
        jetstreamConsumedTotal.inc({ consumer: DURABLE, outcome: 'failed' });
        this.logger.error(`Dropped an unreadable pixel hit message (seq ${message.seq})`);
      }
    }
    if (messages.length === 0) return;
    try {
      await this.recorder.recordAll(messages.flatMap(({ hits }) => hits));
      for (const { message } of messages) this.acked(message);
    } catch (error) {
      this.logger.warn(
        `Recording ${messages.length} messages together failed (${(error as Error).message}); retrying one by one`,
      );
      for (const { message, hits } of messages) {
        try {
          await this.recorder.recordAll(hits);
          this.acked(message);
        } catch (messageError) {
          const redeliveries = message.info.redeliveryCount;
          message.nak(Math.min(30_000, 500 * 2 ** Math.min(redeliveries, 6)));
          jetstreamConsumedTotal.inc({ consumer: DURABLE, outcome: 'failed' });
          this.logger.error(
            `Recording pixel hits (seq ${message.seq}, delivery ${redeliveries}) failed: ${(messageError as Error).message}`,
          );
        }
      }
    }
  }

  private acked(message: JsMsg): void {
    message.ack();
    jetstreamConsumedTotal.inc({ consumer: DURABLE, outcome: 'processed' });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}

function readHits(message: JsMsg): EmailPixelHit[] | null {
  try {
    const batch = message.json<EmailPixelHitBatch>();
    return Array.isArray(batch.hits) ? batch.hits : null;
  } catch {
    return null;
  }
}
