import { connect, headers, JetStreamClient, NatsConnection } from 'nats';
import { Client } from 'pg';
import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';
import { eventually } from '../support/eventually';
import { PublishedEvent, readRunEvents } from '../support/streams';

export type { PublishedEvent };

export type Api = ReturnType<typeof apiClient>;

export interface LeadBody {
  id: string;
  version: number;
  stage: string;
  ownerId: string | null;
  territoryId: string | null;
  totalScore: number;
  fitScore: number;
  engagementScore: number;
  scoreModelVersion: number | null;
  lostReason: string | null;
  [key: string]: unknown;
}

export interface HistoryBody {
  version: number;
  events: {
    type: string;
    version: number;
    occurredAt: string;
    actor: string;
    data: Record<string, unknown>;
  }[];
}

/** The lead funnel and the gateway, as built, against the run's PostgreSQL and NATS. */
export async function startLeadFunnel(
  funnelEnv: Record<string, string> = {},
): Promise<{ apps: AppSet; api: Api; funnel: RunningApp }> {
  const apps = new AppSet();
  const funnel = await apps.start('lead-funnel', { env: funnelEnv });
  const gateway = await apps.start('gateway', {
    env: { NATS_REQUEST_TIMEOUT_MS: '10000', RATE_LIMIT_PER_MINUTE: '100000' },
  });
  return { apps, api: apiClient(gateway.url), funnel };
}

export async function database(): Promise<Client> {
  const client = new Client({ connectionString: e2eRun().databaseUrl });
  await client.connect();
  return client;
}

/** Publishes to JetStream like the producers' outbox relays do: prefixed subject, message id. */
export class EventPublisher {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly js: JetStreamClient,
  ) {}

  static async connect(): Promise<EventPublisher> {
    const connection = await connect({ servers: e2eRun().natsUrl });
    return new EventPublisher(connection, connection.jetstream());
  }

  async publish(
    subject: string,
    payload: unknown,
    messageId: string,
  ): Promise<{ duplicate: boolean }> {
    const h = headers();
    h.set('Nats-Msg-Id', messageId);
    const ack = await this.js.publish(
      `${e2eRun().subjectPrefix}${subject}`,
      Buffer.from(JSON.stringify(payload)),
      { headers: h },
    );
    return { duplicate: ack.duplicate };
  }

  get nats(): NatsConnection {
    return this.connection;
  }

  close(): Promise<void> {
    return this.connection.drain();
  }
}

export async function createLead(api: Api, body: Record<string, unknown> = { source: 'inbound' }) {
  const response = await api<LeadBody>('/v1/leads', { body });
  if (response.status !== 201)
    throw new Error(`create lead: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function putModel(api: Api, model: Record<string, unknown>) {
  const response = await api<{ version: number; rescoreJobId: string }>('/v1/scoring/model', {
    method: 'PUT',
    body: model,
  });
  if (response.status !== 200)
    throw new Error(`put model: ${response.status} ${JSON.stringify(response.body)}`);
  await eventually(
    async () =>
      (await api<{ status: string }>(`/v1/scoring/jobs/${response.body.rescoreJobId}`)).body,
    (job) => job.status !== 'running',
    { timeoutMs: 30_000, description: 're-score job' },
  );
  return response.body;
}

/** Every message of this run's LEAD_EVENTS stream so far. */
export function readLeadEvents(nc: NatsConnection): Promise<PublishedEvent[]> {
  return readRunEvents(nc, 'LEAD_EVENTS');
}

/** The lead events published about one lead, once at least `count` of them are there. */
export function leadEventsOf(nc: NatsConnection, leadId: string, count: number) {
  return eventually(
    async () =>
      (await readLeadEvents(nc).catch(() => [])).filter((event) => event.data.leadId === leadId),
    (events) => events.length >= count,
    { timeoutMs: 20_000, description: `${count} lead events of ${leadId}` },
  );
}
