import { Injectable } from '@nestjs/common';
import {
  CreatedWebhookView,
  CreateWebhookDto,
  DomainError,
  ErrorCode,
  PageQueryDto,
  UpdateWebhookDto,
  validationFailed,
  WEBHOOK_TEST_EVENT,
  WebhookDeliveryPage,
  WebhookView,
} from '@sales-suite/contracts';
import { randomUUID } from 'node:crypto';
import { SecretCipher } from './domain/secret-cipher';
import { generateSigningSecret } from './domain/webhook-signature';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookSettings } from './webhook-settings';
import { deliveryCursor, WebhookStore } from './webhook-store';
import { admittedTarget, TargetRefused } from './webhook-target';

const DEFAULT_PAGE = 50;

/** Subscriptions: create (the secret is answered once), read, change, delete, test. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly store: WebhookStore,
    private readonly settings: WebhookSettings,
    private readonly worker: WebhookDeliveryWorker,
  ) {}

  async create(input: CreateWebhookDto): Promise<CreatedWebhookView> {
    await this.checkTarget(input.url);
    const cipher = this.cipher();
    const secret = generateSigningSecret();
    const view = await this.store.create({
      url: input.url,
      events: input.events,
      description: input.description ?? null,
      secretCiphertext: cipher.encrypt(secret),
    });
    return { ...view, secret };
  }

  list(): Promise<WebhookView[]> {
    return this.store.list();
  }

  async get(id: string): Promise<WebhookView> {
    return this.found(await this.store.find(id), id);
  }

  async update(id: string, change: UpdateWebhookDto): Promise<WebhookView> {
    if (change.url !== undefined) await this.checkTarget(change.url);
    const view = this.found(await this.store.update(id, change), id);
    if (change.enabled) this.worker.wake();
    return view;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.store.delete(id))) this.found(null, id);
  }

  /** Queues a `webhook.test` delivery, sent, signed and retried like any other; answers its id. */
  async test(id: string): Promise<{ deliveryId: string }> {
    this.cipher();
    const eventId = `test-${randomUUID()}`;
    const deliveryId = this.found(
      await this.store.recordTest(id, eventId, { webhookId: id, test: true }, WEBHOOK_TEST_EVENT),
      id,
    );
    this.worker.wake();
    return { deliveryId };
  }

  async deliveries(id: string, page: PageQueryDto): Promise<WebhookDeliveryPage> {
    const after = page.cursor ? deliveryCursor(page.cursor) : null;
    if (page.cursor && !after)
      throw validationFailed([{ field: 'cursor', reason: 'is not a cursor this log handed out' }]);
    await this.get(id);
    return this.store.deliveries(id, page.limit ?? DEFAULT_PAGE, after);
  }

  private async checkTarget(url: string): Promise<void> {
    try {
      await admittedTarget(url, this.settings.allowedTargets);
    } catch (error) {
      if (error instanceof TargetRefused)
        throw validationFailed([{ field: 'url', reason: error.message }]);
      throw error;
    }
  }

  private cipher(): SecretCipher {
    if (this.settings.cipher) return this.settings.cipher;
    throw new DomainError(
      ErrorCode.ServiceUnavailable,
      'Webhooks are not configured: WEBHOOK_SECRETS_KEY is not set',
    );
  }

  private found<T>(value: T | null, id: string): T {
    if (value === null)
      throw new DomainError(ErrorCode.NotFound, `No webhook has the id ${id}`, { id });
    return value;
  }
}
