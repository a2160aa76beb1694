import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { AppSet, RunningApp } from '../support/apps';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';
import { EventPublisher } from '../leads/lead-funnel.harness';

/** What the receiver does with the n-th request (from 1) to one of its paths. */
type Behaviour = (n: number) => 'ok' | 'fail' | 'hang';

interface Received {
  path: string;
  id: string;
  type: string;
  data: Record<string, unknown>;
  signatureValid: boolean;
}

interface Webhook {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  secret?: string;
}

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  responseCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
}

interface Problem {
  status: number;
  errors?: { field: string; reason: string }[];
}

/**
 * A sales tool's endpoint: checks every request's Standard Webhooks signature on its own (not
 * with the gateway's code) against the secret of the path's subscription, and answers as told.
 */
class Receiver {
  readonly received: Received[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private readonly secrets = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}/hooks/${path}`;
  }

  on(path: string, behaviour: Behaviour, secret?: string): void {
    this.behaviours.set(`/hooks/${path}`, behaviour);
    if (secret) this.secrets.set(`/hooks/${path}`, secret);
  }

  at(path: string): Received[] {
    return this.received.filter((item) => item.path === `/hooks/${path}`);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(request.headers['webhook-id']);
      const timestamp = String(request.headers['webhook-timestamp']);
      const signature = String(request.headers['webhook-signature']);
      const secret = this.secrets.get(path) ?? '';
      const expected = createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64'))
        .update(`${id}.${timestamp}.${body}`)
        .digest();
      const given = Buffer.from(signature.replace(/^v1,/, ''), 'base64');
      const parsed = JSON.parse(body) as { type: string; data: Record<string, unknown> };
      this.received.push({
        path,
        id,
        type: parsed.type,
        data: parsed.data,
        signatureValid:
          signature.startsWith('v1,') &&
          given.length === expected.length &&
          timingSafeEqual(given, expected) &&
          Math.abs(Number(timestamp) - Date.now() / 1000) < 300,
      });
      const n = (this.counts.get(path) ?? 0) + 1;
      this.counts.set(path, n);
      const behaviour = this.behaviours.get(path)?.(n) ?? 'fail';
      if (behaviour === 'hang') return; // no answer: the gateway's timeout ends the attempt
      response.statusCode = behaviour === 'ok' ? 204 : 500;
      response.end();
    });
  }
}

describe('outbound webhooks', () => {
  const apps = new AppSet();
  const receiver = new Receiver();
  let gateway: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let events: EventPublisher;

  beforeAll(async () => {
    await receiver.start();
    // The run's WEBHOOK_SECRETS_KEY (test/support/apps): every gateway of the run can sign.
    const env = {
      WEBHOOK_ALLOWED_TARGETS: '127.0.0.1/32',
      WEBHOOK_RETRY_INITIAL_MS: '200',
      WEBHOOK_RETRY_MAX_MS: '400',
      WEBHOOK_RETRY_WINDOW_MS: '6000',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES: '2',
    };
    // Two replicas share the deliveries: each must still be sent once per attempt.
    [gateway] = await Promise.all([apps.start('gateway', { env }), apps.start('gateway', { env })]);
    api = apiClient(gateway.url);
    events = await EventPublisher.connect();
  });

  afterAll(async () => {
    await events?.close();
    await apps.stopAll();
    await receiver.stop();
  });

  async function subscribe(
    path: string,
    subscribed: string[],
    behaviour: Behaviour,
  ): Promise<Webhook> {
    const created = await api<Webhook>('/v1/webhooks', {
      body: { url: receiver.url(path), events: subscribed, description: `e2e ${path}` },
    });
    expect(created.status).toBe(201);
    receiver.on(path, behaviour, created.body.secret);
    return created.body;
  }

  /** Publishes an event as its producer's outbox would; retried until the consumers made the stream. */
  async function publish(subject: string, data: Record<string, unknown>): Promise<string> {
    const messageId = `e2e-${randomUUID()}`;
    await eventually(
      () =>
        events.publish(subject, data, messageId).then(
          () => true,
          () => false,
        ),
      { description: `stream for ${subject}` },
    );
    return messageId;
  }

  async function deliveries(webhookId: string): Promise<Delivery[]> {
    const log = await api<{ items: Delivery[] }>(`/v1/webhooks/${webhookId}/deliveries`);
    expect(log.status).toBe(200);
    return log.body.items;
  }

  function leadCreated(): Record<string, unknown> {
    return {
      leadId: randomUUID(),
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'inbound',
    };
  }

  it('refuses private, loopback and link-local targets without the allow-list, naming url', async () => {
    // No WEBHOOK_SECRETS_KEY, no allow-list: the target check still comes first.
    const bare = apiClient(
      (await apps.start('gateway', { env: { WEBHOOK_SECRETS_KEY: undefined } })).url,
    );
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:8080/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://localhost:8080/hook',
    ]) {
      const refused = await bare<Problem>('/v1/webhooks', {
        body: { url, events: ['lead.created'] },
      });
      expect({ url, status: refused.status, field: refused.body.errors?.[0]?.field }).toEqual({
        url,
        status: 400,
        field: 'url',
      });
    }
    // The allow-list admits 127.0.0.1 only, not the rest of the private ranges.
    const outside = await api<Problem>('/v1/webhooks', {
      body: { url: 'http://10.1.2.3/hook', events: ['lead.created'] },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors?.[0]?.field).toBe('url');
  });

  it('refuses unknown events and malformed URLs with the field named', async () => {
    const unknown = await api<Problem>('/v1/webhooks', {
      body: { url: receiver.url('x'), events: ['lead.exploded'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.map((error) => error.field)).toContain('events');
    const ftp = await api<Problem>('/v1/webhooks', {
      body: { url: 'ftp://example.com/', events: ['lead.created'] },
    });
    expect(ftp.status).toBe(400);
    expect(ftp.body.errors).toEqual([{ field: 'url', reason: 'must use http or https' }]);
  });

  it('answers the secret once and delivers each subscribed event once, signed', async () => {
    const hook = await subscribe('ok', ['lead.created', 'glossary.term.*'], () => 'ok');
    expect(hook.secret).toMatch(/^whsec_/);
    const read = await api<Webhook>(`/v1/webhooks/${hook.id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    expect((await api<Webhook[]>('/v1/webhooks')).body.map((item) => item.id)).toContain(hook.id);

    const lead = leadCreated();
    const leadEvent = await publish('lead.created', lead);
    const termEvent = await publish('glossary.term.updated', { termId: randomUUID(), slug: 'mql' });
    await publish('lead.assigned', {
      ...lead,
      territoryId: null,
      ownerId: null,
      reason: 'explicit',
    });

    const log = await eventually(
      () => deliveries(hook.id),
      (items) => items.length === 2 && items.every((item) => item.status === 'succeeded'),
      { description: 'both deliveries succeeded' },
    );
    expect(log.map((item) => item.eventId).sort()).toEqual([leadEvent, termEvent].sort());
    expect(log.every((item) => item.attempts === 1 && item.responseCode === 204)).toBe(true);
    const received = receiver.at('ok');
    expect(received.map((item) => item.type).sort()).toEqual([
      'glossary.term.updated',
      'lead.created',
    ]);
    expect(received.every((item) => item.signatureValid)).toBe(true);
    expect(received.find((item) => item.type === 'lead.created')?.data).toEqual(lead);
    expect(new Set(received.map((item) => item.id))).toEqual(new Set(log.map((item) => item.id)));
  });

  it('offers human opens only, and the CRM enrichment event', async () => {
    const hook = await subscribe('signals', ['email.opened', 'crm.contact.enriched'], () => 'ok');
    const open = (classification: string) => ({
      messageId: randomUUID(),
      campaignId: randomUUID(),
      contactId: null,
      leadId: null,
      openedAt: new Date().toISOString(),
      classification,
    });
    const machine = open('machine:apple_mpp');
    const human = open('human');
    // Published before the human open on the same stream: handled before it.
    await publish('email.opened', machine);
    await publish('email.opened', human);
    const contact = { contactId: randomUUID(), accountId: null, changedFields: ['title'] };
    await publish('crm.contact.updated', contact);
    await publish('crm.contact.enriched', contact);
    const received = await eventually(
      () => receiver.at('signals'),
      (items) => items.length >= 2,
      { description: 'the human open and the enrichment' },
    );
    expect(received.map((item) => item.type).sort()).toEqual([
      'crm.contact.enriched',
      'email.opened',
    ]);
    expect(received.find((item) => item.type === 'email.opened')?.data.messageId).toBe(
      human.messageId,
    );
    expect((await deliveries(hook.id)).map((item) => item.eventType).sort()).toEqual([
      'crm.contact.enriched',
      'email.opened',
    ]);
  });

  it('retries a failed (500) and a timed-out attempt with the same id until the receiver takes it', async () => {
    const hook = await subscribe('flaky', ['lead.created'], (n) =>
      n === 1 ? 'fail' : n === 2 ? 'hang' : 'ok',
    );
    await publish('lead.created', leadCreated());
    const [delivery] = await eventually(
      () => deliveries(hook.id),
      (items) => items.length === 1 && items[0].status === 'succeeded',
      { description: 'the flaky delivery succeeded' },
    );
    expect(delivery).toMatchObject({
      attempts: 3,
      responseCode: 204,
      lastError: null,
      nextAttemptAt: null,
    });
    const received = receiver.at('flaky');
    expect(received).toHaveLength(3);
    expect(received.every((item) => item.id === delivery.id && item.signatureValid)).toBe(true);
  });

  it('disables a subscription after repeated failed deliveries, and re-enables it with PATCH', async () => {
    let healthy = false;
    const hook = await subscribe('down', ['lead.created'], () => (healthy ? 'ok' : 'fail'));
    await publish('lead.created', leadCreated());
    await publish('lead.created', leadCreated());
    const disabled = await eventually(
      () => api<Webhook>(`/v1/webhooks/${hook.id}`).then((response) => response.body),
      (body) => !body.enabled,
      { description: 'subscription disabled', timeoutMs: 40_000 },
    );
    expect(disabled.disabledReason).toBe('2 deliveries in a row failed after every retry');
    const failed = await deliveries(hook.id);
    expect(failed).toHaveLength(2);
    for (const item of failed)
      expect(item).toMatchObject({
        status: 'failed',
        responseCode: 500,
        lastError: 'http 500',
        nextAttemptAt: null,
      });
    expect(failed.every((item) => item.attempts > 1)).toBe(true);

    // While disabled, events are not kept for it (the `ok` subscription receiving the same event
    // shows it was handled), and the test endpoint's delivery waits.
    healthy = true;
    const missed = leadCreated();
    await publish('lead.created', missed);
    await eventually(() => receiver.at('ok').some((item) => item.data.leadId === missed.leadId), {
      description: 'the event handled while disabled',
    });
    expect(await deliveries(hook.id)).toHaveLength(2);
    const waiting = await api<{ deliveryId: string }>(`/v1/webhooks/${hook.id}/test`, {
      method: 'POST',
    });
    expect(waiting.status).toBe(202);

    const enabled = await api<Webhook>(`/v1/webhooks/${hook.id}`, {
      method: 'PATCH',
      body: { enabled: true },
    });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null });
    const after = await publish('lead.created', leadCreated());
    const log = await eventually(
      () => deliveries(hook.id),
      (items) => items.filter((item) => item.status === 'succeeded').length === 2,
      { description: 'deliveries after re-enabling' },
    );
    expect(
      log
        .filter((item) => item.status === 'succeeded')
        .map((item) => item.eventId)
        .sort(),
    ).toEqual([after, log.find((item) => item.id === waiting.body.deliveryId)!.eventId].sort());
  });

  it('sends a signed webhook.test on demand, and 404 for an unknown subscription', async () => {
    const hook = await subscribe('probe', ['lead.qualified'], () => 'ok');
    const test = await api<{ deliveryId: string }>(`/v1/webhooks/${hook.id}/test`, {
      method: 'POST',
    });
    expect(test.status).toBe(202);
    const [received] = await eventually(
      () => receiver.at('probe'),
      (items) => items.length === 1,
      { description: 'test delivery received' },
    );
    expect(received).toMatchObject({
      id: test.body.deliveryId,
      type: 'webhook.test',
      signatureValid: true,
    });
    const unknown = await api(`/v1/webhooks/${randomUUID()}/test`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    const deleted = await api(`/v1/webhooks/${hook.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await api(`/v1/webhooks/${hook.id}`)).status).toBe(404);
  });

  it('requires the admin scope', async () => {
    const key = await api<{ key: string }>('/v1/admin/api-keys', {
      body: { name: 'reader', scopes: ['leads:read'] },
    });
    const forbidden = await api('/v1/webhooks', { key: key.body.key });
    expect(forbidden.status).toBe(403);
  });
});
