import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  EMAIL_PIXEL_HITS_STREAM,
  EmailPixelHitBatch,
  EmailPixelSubjects,
} from '@sales-suite/contracts';
import { JetStreamConsumerService } from '@sales-suite/messaging';
import { OpenRecorderService } from './open-recorder.service';

/** Each message carries up to 256 hits: a few messages make one transaction of ~1,000 hits. */
const MESSAGES_PER_BATCH = 4;

/** A hit batch as the gateway publishes it; anything else can never be recorded. */
function isHitBatch(data: unknown): data is EmailPixelHitBatch {
  return (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as Partial<EmailPixelHitBatch>).hits)
  );
}

/**
 * Records the hit batches the gateway published to JetStream, through the shared durable
 * consumer (acks after commit, failures isolated and retried, unreadable messages terminated).
 * The hits of a few messages are recorded in one transaction; redeliveries are absorbed by the
 * unique hit id.
 */
@Injectable()
export class PixelHitsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: JetStreamConsumerService,
    private readonly recorder: OpenRecorderService,
  ) {}

  onApplicationBootstrap(): void {
    this.consumers.start<EmailPixelHitBatch>({
      stream: EMAIL_PIXEL_HITS_STREAM,
      durable: 'email-tracking-pixel-hits',
      subject: EmailPixelSubjects.Hits,
      maxBatch: MESSAGES_PER_BATCH,
      accepts: isHitBatch,
      handleBatch: async (batches) => {
        await this.recorder.recordAll(batches.flatMap((batch) => batch.data.hits));
        return batches.map(() => 'processed' as const);
      },
    });
  }
}
