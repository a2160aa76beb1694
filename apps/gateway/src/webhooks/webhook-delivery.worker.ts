import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WakeableLoop } from '@sales-suite/platform';
import { disableReason, nextAttemptAt } from './domain/retry-schedule';
import { signWebhook } from './domain/webhook-signature';
import { WebhookSettings } from './webhook-settings';
import { ClaimedDelivery, WebhookStore } from './webhook-store';
import { AttemptResult, postWebhook } from './webhook-target';
import { webhookAttemptsTotal, webhookSubscriptionsDisabledTotal } from './webhooks.metrics';

const BATCH = 20;
const IDLE_MS = 1_000;
/** A claim outlives the longest attempt by this much before another replica may take the delivery. */
const CLAIM_MARGIN_MS = 30_000;

/**
 * Sends due deliveries on every replica: each pass claims a batch in the database (SKIP LOCKED,
 * with a claim that lapses), sends it, and writes each outcome. Nothing is queued in memory, so a
 * crash loses nothing: an unfinished claim lapses and the delivery is sent again (at least once;
 * receivers deduplicate by `webhook-id`). A pass runs at once when this replica recorded work
 * (`wake`), otherwise every second — which is how work recorded on other replicas is found.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private readonly loop = new WakeableLoop(
    {
      name: WebhookDeliveryWorker.name,
      idleMs: IDLE_MS,
      backoff: { initialMs: IDLE_MS, maxMs: 30_000 },
    },
    () => this.pass(),
  );

  constructor(
    private readonly store: WebhookStore,
    private readonly settings: WebhookSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.cipher) this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }

  private async pass(): Promise<number | void> {
    const claimed = await this.store.claimDue(BATCH, this.settings.timeoutMs + CLAIM_MARGIN_MS);
    await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    if (claimed.length === BATCH) return 0;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const result = await this.send(delivery);
    const now = new Date();
    const next =
      result.error === null
        ? null
        : nextAttemptAt(
            this.settings.retry,
            delivery.attempts + 1,
            delivery.firstAttemptAt,
            now,
            Math.random(),
          );
    let disabledFor: string | null = null;
    await this.store.recordAttempt(delivery, { ...result, nextAttemptAt: next }, (record) => {
      disabledFor = disableReason(this.settings.disable, record, new Date());
      return disabledFor;
    });
    webhookAttemptsTotal.inc({
      outcome: result.error === null ? 'succeeded' : next ? 'retrying' : 'failed',
    });
    if (!disabledFor) return;
    webhookSubscriptionsDisabledTotal.inc();
    this.logger.warn(`Webhook ${delivery.subscriptionId} disabled: ${disabledFor}`);
  }

  private async send(delivery: ClaimedDelivery): Promise<AttemptResult> {
    let secret: string;
    try {
      secret = this.settings.cipher!.decrypt(delivery.secretCiphertext);
    } catch {
      return { status: null, error: 'signing secret unreadable with WEBHOOK_SECRETS_KEY' };
    }
    const body = JSON.stringify({
      type: delivery.eventType,
      timestamp: delivery.createdAt.toISOString(),
      data: delivery.payload,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    return postWebhook(
      delivery.url,
      {
        'content-type': 'application/json',
        'user-agent': 'sales-suite-webhooks/1',
        'webhook-id': delivery.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, delivery.id, timestamp, body),
      },
      body,
      this.settings.timeoutMs,
      this.settings.allowedTargets,
    );
  }
}
