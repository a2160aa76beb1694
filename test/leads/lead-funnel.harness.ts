import { connect, headers, JetStreamClient, NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
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

/** A contact's fit as `crm.contact.enriched` carries it: a VP of sales in Germany, unless overridden. */
export const contactFit = (overrides: Record<string, unknown> = {}) => ({
  seniority: 'vp',
  department: 'sales',
  country: 'DE',
  industry: 'software',
  employeeRange: '51-200',
  freeEmail: false,
  disposableEmail: false,
  roleAccount: false,
  ...overrides,
});

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

  /** The CRM's news that a contact's fit is known (territories and fit scoring match on it). */
  publishContactEnriched(
    contactId: string,
    { fit = contactFit(), accountId = null }: { fit?: object; accountId?: string | null } = {},
  ): Promise<{ duplicate: boolean }> {
    const enriched = {
      contactId,
      accountId,
      email: null,
      fit,
      changedFields: [],
      occurredAt: new Date().toISOString(),
    };
    return this.publish('crm.contact.enriched', enriched, `crm-${randomUUID()}`);
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

/**
 * Two or more lead-funnel replicas (by REPLICA_ID) with small job batches, and one gateway: the
 * set-up of the background-job tests that kill a replica mid-job.
 */
export async function startJobReplicas(
  apps: AppSet,
  replicaIds: string[],
  batchSize: number,
): Promise<{ replicas: Map<string, RunningApp>; api: Api }> {
  const replicas = new Map<string, RunningApp>();
  for (const id of replicaIds)
    replicas.set(
      id,
      await apps.start('lead-funnel', {
        env: { REPLICA_ID: id, LEAD_RESCORE_BATCH_SIZE: String(batchSize) },
      }),
    );
  const gateway = await apps.start('gateway', {
    env: { NATS_REQUEST_TIMEOUT_MS: '10000', RATE_LIMIT_PER_MINUTE: '100000' },
  });
  return { replicas, api: apiClient(gateway.url) };
}

/**
 * `count` copies of a lead made through the API (its events, stage visits and row, under new
 * ids): many leads at once for the job tests. Answers the copies' ids.
 */
export async function cloneLead(db: Client, templateId: string, count: number): Promise<string[]> {
  // Every stored column of the row (generated ones, such as score_ceiling, compute themselves).
  const { rows: columns } = await db.query<{ name: string }>(
    `SELECT quote_ident(column_name) AS name FROM information_schema.columns
     WHERE table_schema = 'funnel' AND table_name = 'leads' AND is_generated = 'NEVER'
     ORDER BY ordinal_position`,
  );
  const stored = columns.map((column) => column.name).join(', ');
  const copies = await db.query<{ id: string }>(
    `WITH fresh AS (SELECT gen_random_uuid() AS id FROM generate_series(1, $2)),
     events AS (
       INSERT INTO funnel.lead_events (lead_id, version, type, data, occurred_at, actor)
       SELECT f.id, e.version, e.type, e.data, e.occurred_at, e.actor
       FROM fresh f, funnel.lead_events e WHERE e.lead_id = $1),
     visits AS (
       INSERT INTO funnel.lead_stage_visits (lead_id, seq, stage, entered_at, left_at)
       SELECT f.id, v.seq, v.stage, v.entered_at, v.left_at
       FROM fresh f, funnel.lead_stage_visits v WHERE v.lead_id = $1)
     INSERT INTO funnel.leads (${stored})
     SELECT ${stored} FROM (
       SELECT (jsonb_populate_record(l, jsonb_build_object('id', f.id))).*
       FROM fresh f, funnel.leads l WHERE l.id = $1) copy
     RETURNING id`,
    [templateId, count],
  );
  const ids = copies.rows.map((row) => row.id);
  await countInFunnelRollup(db, ids, 1);
  return ids;
}

/**
 * Adds (sign 1) or takes away (sign -1) the lead rows `ids` in the funnel rollup, as
 * LeadProjection would: for rows written or about to be deleted behind the service's back.
 */
export async function countInFunnelRollup(db: Client, ids: string[], sign: 1 | -1): Promise<void> {
  const groupings = `FROM funnel.leads l, LATERAL (VALUES ('source', l.source),
      ('territory', l.territory_id), ('owner', l.owner_id)) AS d(dimension, key)`;
  await db.query(
    `INSERT INTO funnel.funnel_cohort_days AS t
     SELECT d.dimension, (l.created_at AT TIME ZONE 'UTC')::date, d.key, l.stage, l.lost_reason,
            l.stages_reached, l.stage_moves, $2 * count(*)
     ${groupings} WHERE l.id = ANY($1::uuid[])
     GROUP BY 1, 2, 3, 4, 5, 6, 7
     ON CONFLICT ON CONSTRAINT funnel_cohort_days_key DO UPDATE SET leads = t.leads + EXCLUDED.leads`,
    [ids, sign],
  );
  await db.query(
    `INSERT INTO funnel.funnel_stage_lengths AS t
     SELECT d.dimension, (l.created_at AT TIME ZONE 'UTC')::date, d.key, v.stage, v.seconds,
            $2 * count(*)
     ${groupings}, unnest(l.stage_path, l.visit_seconds) AS v(stage, seconds)
     WHERE l.id = ANY($1::uuid[]) AND v.seconds IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5
     ON CONFLICT ON CONSTRAINT funnel_stage_lengths_key DO UPDATE SET visits = t.visits + EXCLUDED.visits`,
    [ids, sign],
  );
}
