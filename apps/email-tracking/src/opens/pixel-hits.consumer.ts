import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EMAIL_PIXEL_HITS_STREAM, EmailPixelHit, EmailPixelSubjects } from '@sales-suite/contracts';
import { ensureStream, NatsClientService, prefixed } from '@sales-suite/messaging';
import { jetstreamConsumedTotal } from '@sales-suite/observability';
import { AckPolicy, Consumer, DeliverPolicy, JsMsg } from 'nats';
import { OpenRecorderService } from './open-recorder.service';

const DURABLE = 'email-tracking-pixel-hits';
const BATCH_SIZE = 256;
const FETCH_EXPIRES_MS = 1000;
const ACK_WAIT_NS = 30 * 1_000_000_000;

/**
 * Reads the hits the gateway published with a durable pull consumer, a batch at a time: a batch
 * is recorded in one transaction and acked after the commit (no hit lost; redeliveries are
 * absorbed by the unique hit id). When a batch fails, its hits are retried one by one so that
 * one bad hit cannot hold back the others; a failing hit is nak'ed with back-off.
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
            max_messages: BATCH_SIZE,
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
      filter_subject: prefixed(prefix, EmailPixelSubjects.Hit),
      ack_wait: ACK_WAIT_NS,
      max_ack_pending: BATCH_SIZE * 8,
    });
    return this.nats.jetstream().consumers.get(stream, durable);
  }

  private async process(received: JsMsg[]): Promise<void> {
    const messages: JsMsg[] = [];
    const hits: EmailPixelHit[] = [];
    for (const message of received) {
      try {
        hits.push(message.json<EmailPixelHit>());
        messages.push(message);
      } catch {
        // Unreadable forever: redelivering it would only block the stream.
        message.term();
        jetstreamConsumedTotal.inc({ consumer: DURABLE, outcome: 'failed' });
      }
    }
    if (messages.length === 0) return;
    try {
      const outcomes = await this.recorder.recordAll(hits);
      messages.forEach((message, index) => {
        message.ack();
        jetstreamConsumedTotal.inc({ consumer: DURABLE, outcome: outcomes[index] });
      });
    } catch (error) {
      this.logger.warn(
        `Recording ${messages.length} hits together failed (${(error as Error).message}); retrying one by one`,
      );
      for (const [index, message] of messages.entries()) {
        try {
          const [outcome] = await this.recorder.recordAll([hits[index]]);
          message.ack();
          jetstreamConsumedTotal.inc({ consumer: DURABLE, outcome });
        } catch (hitError) {
          const redeliveries = message.info.redeliveryCount;
          message.nak(Math.min(30_000, 500 * 2 ** Math.min(redeliveries, 6)));
          jetstreamConsumedTotal.inc({ consumer: DURABLE, outcome: 'failed' });
          this.logger.error(
            `Recording hit ${hits[index].hitId} failed (delivery ${redeliveries}): ${(hitError as Error).message}`,
          );
        }
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}
