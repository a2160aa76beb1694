import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  EMAIL_PIXEL_HITS_STREAM,
  EmailPixelHit,
  EmailPixelHitBatch,
  EmailPixelSubjects,
  isEmailPixelHitBatch,
  pixelHitPartition,
  pixelHitsSubject,
} from '@sales-suite/contracts';
import { JetStreamConsumerService, NatsClientService, prefixed } from '@sales-suite/messaging';
import { injectTraceContext } from '@sales-suite/observability';
import { headers as natsHeaders } from 'nats';

const PUBLISH_TIMEOUT_MS = 3000;

/**
 * Drains `email.pixel.hits`, where gateways from before partitioning published (during an
 * upgrade, older gateways still do): each batch is split by partition and republished to the
 * partitions' subjects, then acked, so those hits too are classified by their partition's owner.
 * Every replica takes part through the shared durable. A redelivered batch republishes with the
 * same message ids (`<message id>:<partition>`), dropped as duplicates by the stream; later than
 * its duplicate window, the hit ids still make each hit count once.
 */
@Injectable()
export class LegacyPixelHitsForwarder implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: JetStreamConsumerService,
    private readonly nats: NatsClientService,
  ) {}

  onApplicationBootstrap(): void {
    this.consumers.start<EmailPixelHitBatch>({
      stream: EMAIL_PIXEL_HITS_STREAM,
      durable: 'email-tracking-pixel-hits',
      subject: EmailPixelSubjects.LegacyHits,
      maxBatch: 16,
      accepts: isEmailPixelHitBatch,
      handleBatch: async (batches) => {
        const js = this.nats.jetstream();
        const publishes: Promise<unknown>[] = [];
        for (const { messageId, data } of batches)
          for (const [partition, hits] of byPartition(data.hits)) {
            const batchId = `${messageId}:${partition}`;
            // The partition's batch continues the trace of this forwarding (the consumer's span).
            const headers = natsHeaders();
            injectTraceContext(headers);
            publishes.push(
              js.publish(
                prefixed(this.nats.subjectPrefix, pixelHitsSubject(partition)),
                JSON.stringify({ batchId, hits } satisfies EmailPixelHitBatch),
                { msgID: batchId, timeout: PUBLISH_TIMEOUT_MS, headers },
              ),
            );
          }
        await Promise.all(publishes);
        return batches.map(() => 'processed' as const);
      },
    });
  }
}

function byPartition(hits: readonly EmailPixelHit[]): Map<number, EmailPixelHit[]> {
  const partitions = new Map<number, EmailPixelHit[]>();
  for (const hit of hits) {
    const partition = pixelHitPartition(hit.ip);
    const group = partitions.get(partition);
    if (group) group.push(hit);
    else partitions.set(partition, [hit]);
  }
  return partitions;
}
