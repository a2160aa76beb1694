import { randomInt } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AppName, AppSet, RunningApp } from '../support/apps';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';
import { ownSubjectPrefix } from '../support/test-env';
import { fetchPixel, pixelPath, USER_AGENTS, withDatabase } from '../email/support';
import { EventPublisher } from '../leads/lead-funnel.harness';

interface ServiceResult {
  service: string;
  status: 'pending' | 'done' | 'failed';
  reason: string | null;
  erased: Record<string, number>;
  finishedAt: string | null;
}
interface Erasure {
  id: string;
  status: 'pending' | 'done' | 'failed';
  subjectHmac: string;
  requestedBy: string;
  requestedByKeyId: string;
  createdAt: string;
  finishedAt: string | null;
  services: ServiceResult[];
}
interface Problem {
  code: string;
  errors?: { field: string; reason: string }[];
}

const PIXEL_KEY = Buffer.alloc(32, 9).toString('base64');
const letters = (n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join('');

/** A person with distinctive strings, so that finding any of them anywhere means a leftover. */
function person() {
  const tag = letters(8);
  const digits = String(randomInt(1_000_000, 9_999_999));
  return {
    firstName: 'Erinwyn',
    lastName: `Zapatovna${tag[0].toUpperCase()}${tag.slice(1)}`,
    localPart: `erinwyn.zapatovna.${tag}`,
    email: `erinwyn.zapatovna.${tag}@northwind${letters(6)}.com`,
    phoneInput: `+49 30 ${digits}`,
    phoneE164: `+4930${digits}`,
  };
}
type Person = ReturnType<typeof person>;
const needles = (p: Person) => [
  p.email,
  p.localPart,
  `${p.firstName} ${p.lastName}`,
  p.lastName,
  p.phoneE164,
  p.phoneInput,
];

/**
 * Every text, json, array, bytea (and other non-scalar) column of every table of every schema of
 * the run's database, read from information_schema: a table added later is searched too.
 * Answers `schema.table.column` for each column holding one of the needles (case-insensitive).
 */
async function whereFound(search: string[]): Promise<string[]> {
  return withDatabase(async (db) => {
    const { rows: columns } = await db.query<{ s: string; t: string; c: string; type: string }>(
      `SELECT c.table_schema AS s, c.table_name AS t, c.column_name AS c, c.data_type AS type
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE t.table_type = 'BASE TABLE'
         AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
         AND c.data_type NOT IN ('smallint', 'integer', 'bigint', 'numeric', 'real',
           'double precision', 'boolean', 'uuid', 'date', 'interval',
           'timestamp with time zone', 'timestamp without time zone')`,
    );
    const patterns = search.map((needle) => `%${needle.toLowerCase()}%`);
    const found: string[] = [];
    for (const { s, t, c, type } of columns) {
      const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
      const text = type === 'bytea' ? `encode(${ident(c)}, 'escape')` : `${ident(c)}::text`;
      const { rows } = await db.query(
        `SELECT 1 FROM ${ident(s)}.${ident(t)} WHERE lower(${text}) LIKE ANY($1) LIMIT 1`,
        [patterns],
      );
      if (rows.length > 0) found.push(`${s}.${t}.${c}`);
    }
    return found;
  });
}

describe('erasing a person everywhere (POST /v1/privacy/erasures)', () => {
  const apps = new AppSet();
  const running = new Map<AppName, RunningApp>();
  let api: ReturnType<typeof apiClient>;
  let gateway: RunningApp;
  let receiver: Server;
  let receiverPort = 0;
  let campaignId: string;

  const env = {
    ...ownSubjectPrefix('privacy-erasure'),
    LOG_LEVEL: 'debug',
    PIXEL_SIGNING_KEYS: `k1:${PIXEL_KEY}`,
    PIXEL_SIGNING_KEY_ID: 'k1',
    PUBLIC_BASE_URL: 'https://t.example.test',
    WEBHOOK_ALLOWED_TARGETS: '127.0.0.1/32',
  };
  const start = async (name: AppName) => {
    running.set(name, await apps.start(name, { env, keepAllOutput: true }));
    return running.get(name)!;
  };

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverPort = (receiver.address() as AddressInfo).port;
    for (const name of ['crm-enrichment', 'email-tracking', 'lead-funnel'] as const)
      await start(name);
    gateway = await start('gateway');
    api = apiClient(gateway.url);
    const hook = await api('/v1/webhooks', {
      body: {
        url: `http://127.0.0.1:${receiverPort}/hooks`,
        events: ['lead.created', 'lead.score_changed', 'crm.contact.enriched', 'email.opened'],
      },
    });
    expect(hook.status).toBe(201);
    const campaign = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name: 'Erasure campaign', subject: 'Hello' },
    });
    campaignId = campaign.body.id;
  });

  afterAll(async () => {
    await apps.stopAll();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const stats = async () =>
    (await api<Record<string, unknown>>(`/v1/email/campaigns/${campaignId}/stats`)).body;

  /** CRM contact (enriched, then changed), a lead with events and a score, a message opened by a person, webhook deliveries. */
  async function createEverything(p: Person) {
    const contact = await api<{ id: string }>('/v1/crm/contacts', {
      body: {
        email: p.email,
        firstName: p.firstName,
        lastName: p.lastName,
        phone: p.phoneInput,
        title: 'VP Sales',
        country: 'DE',
      },
    });
    expect(contact.status).toBe(201);
    const contactId = contact.body.id;
    const changed = await api(`/v1/crm/contacts/${contactId}`, {
      method: 'PATCH',
      body: { title: 'Chief Revenue Officer', city: 'Berlin' },
    });
    expect(changed.status).toBe(200);
    const lead = await api<{ id: string }>('/v1/leads', {
      body: { source: 'inbound', contactId },
    });
    expect(lead.status).toBe(201);
    const leadId = lead.body.id;
    expect(
      (
        await api(`/v1/leads/${leadId}/committee`, {
          body: { contactId, role: 'champion', champion: true },
        })
      ).status,
    ).toBeLessThan(300);
    const messages = await api<{ messages: { id: string; pixelUrl: string }[] }>(
      `/v1/email/campaigns/${campaignId}/messages`,
      { body: { messages: [{ email: p.email, contactId, leadId }] } },
    );
    expect(messages.status).toBe(201);
    const [message] = messages.body.messages;
    const pixel = await fetchPixel(gateway.url, pixelPath(message.pixelUrl), {
      'user-agent': USER_AGENTS.thunderbird,
      'x-forwarded-for': `198.51.100.${randomInt(1, 250)}`,
    });
    expect(pixel.status).toBe(200);
    // The open reached the funnel (engagement) and the webhook log; the enrichment reached both.
    await eventually(
      async () =>
        (await api<{ events: { type: string }[] }>(`/v1/leads/${leadId}/history`)).body.events.map(
          (event) => event.type,
        ),
      (types) => types.includes('EngagementRecorded') && types.includes('FitUpdated'),
      { description: 'the open and the fit in the lead history' },
    );
    await eventually(
      async () => (await whereFound([p.email])).includes('gateway.webhook_deliveries.payload'),
      { description: 'a webhook delivery with the email' },
    );
    return { contactId, leadId, messageId: message.id };
  }

  const erase = async (body: object) => {
    const started = await api<Erasure>('/v1/privacy/erasures', { body });
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/v1/privacy/erasures/${started.body.id}`);
    return started.body;
  };
  const erasure = async (id: string) => (await api<Erasure>(`/v1/privacy/erasures/${id}`)).body;
  const finished = (id: string) =>
    eventually(
      () => erasure(id),
      (job) => job.status !== 'pending',
      { timeoutMs: 60_000, description: `erasure ${id} finished` },
    );
  /** How many messages of one erasure the stream holds (its subjects end in the job id). */
  const messagesOf = async (id: string) => {
    const prefix = ownSubjectPrefix('privacy-erasure').NATS_SUBJECT_PREFIX;
    const nats = await EventPublisher.connect();
    try {
      const manager = await nats.nats.jetstreamManager();
      const info = await manager.streams.info(`${prefix.replace(/\./g, '_')}PRIVACY_EVENTS`, {
        subjects_filter: `${prefix}privacy.erasure.*.${id}`,
      });
      return Object.values(info.state.subjects ?? {}).reduce((sum, count) => sum + count, 0);
    } finally {
      await nats.close();
    }
  };
  const resultOf = (job: Erasure, service: string) =>
    job.services.find((result) => result.service === service)!;

  it('erases the email, local part, name and phone from every column of every table, and keeps the campaign figures', async () => {
    const jane = person();
    const { contactId, leadId } = await createEverything(jane);
    // The search is not blind: before the erasure it finds the person in each service.
    const before = await whereFound(needles(jane));
    expect(before).toEqual(
      expect.arrayContaining([
        'crm.contacts.fields',
        'crm.field_history.changes',
        'email.messages.email',
        'gateway.webhook_deliveries.payload',
      ]),
    );
    const leadBefore = (await api<Record<string, unknown>>(`/v1/leads/${leadId}`)).body;
    const figuresBefore = await stats();

    const started = await erase({ email: jane.email.toUpperCase() });
    expect(started.status).toBe('pending');
    expect(JSON.stringify(started)).not.toContain(jane.localPart);
    const job = await finished(started.id);

    expect(job.status).toBe('done');
    expect(job.services.map((result) => [result.service, result.status])).toEqual([
      ['crm-enrichment', 'done'],
      ['email-tracking', 'done'],
      ['lead-funnel', 'done'],
      ['gateway', 'done'],
    ]);
    expect(resultOf(job, 'crm-enrichment').erased).toMatchObject({ contacts: 1 });
    expect(resultOf(job, 'crm-enrichment').erased.fieldHistory).toBeGreaterThanOrEqual(2);
    expect(resultOf(job, 'email-tracking').erased).toMatchObject({ messages: 1, opens: 1 });
    expect(resultOf(job, 'lead-funnel').erased).toMatchObject({ leads: 1 });
    expect(resultOf(job, 'lead-funnel').erased.leadEvents).toBeGreaterThanOrEqual(3);
    expect(resultOf(job, 'gateway').erased.webhookDeliveries).toBeGreaterThanOrEqual(1);
    expect(job.subjectHmac).toMatch(/^[0-9a-f]{64}$/);
    expect(job.requestedBy).toBe('email');
    expect(job.requestedByKeyId).toMatch(/^[0-9a-f-]{36}$/);

    expect(await whereFound(needles(jane))).toEqual([]);
    // The contact id, which now names nothing, is left only in the services' reports to the
    // gateway (their outboxes keep published events a day).
    for (const column of await whereFound([contactId])) {
      expect(column).toMatch(/^(crm|email)\.outbox\.payload$/);
      const subjects = await withDatabase(async (db) =>
        (
          await db.query<{ subject: string }>(
            `SELECT subject FROM ${column.split('.')[0]}.outbox WHERE payload::text LIKE $1`,
            [`%${contactId}%`],
          )
        ).rows.map((row) => row.subject),
      );
      expect(subjects).toEqual([`privacy.erasure.reported.${started.id}`]);
    }
    expect(await stats()).toEqual(figuresBefore);
    expect((await api(`/v1/crm/contacts/${contactId}`)).status).toBe(404);
    const leadAfter = (await api<Record<string, unknown>>(`/v1/leads/${leadId}`)).body;
    expect(leadAfter).toMatchObject({
      stage: leadBefore.stage,
      stageEnteredAt: leadBefore.stageEnteredAt,
      fitScore: leadBefore.fitScore,
      scoredAt: leadBefore.scoredAt,
      championContactId: 'erased-1',
      committee: [{ contactId: 'erased-1', role: 'champion' }],
      contactId: null,
    });
    // The audit record stays, without the person.
    const audit = await erasure(started.id);
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`${jane.localPart}|${contactId}`, 'i'));
    for (const app of running.values()) {
      const logs = app.logs().toLowerCase();
      for (const needle of needles(jane)) expect(logs).not.toContain(needle.toLowerCase());
      expect(logs).not.toContain(job.subjectHmac);
    }

    // The same person again: a new job that finds nothing left, and the first one is unchanged.
    const again = await finished((await erase({ email: jane.email })).id);
    expect(again.status).toBe('done');
    expect(again.subjectHmac).toBe(job.subjectHmac);
    expect(resultOf(again, 'crm-enrichment').erased).toMatchObject({
      contacts: 0,
      fieldHistory: 0,
    });
    expect(resultOf(again, 'email-tracking').erased).toMatchObject({ messages: 0, opens: 0 });
    expect(await erasure(job.id)).toEqual(audit);

    // The request delivered again (a copy under another message id, as from a producer that
    // crashed before recording its publish): both services handle it and report, and the
    // gateway leaves the finished job as it was.
    const count = (sql: string, params: unknown[] = []) =>
      withDatabase(async (db) => Number((await db.query(sql, params)).rows[0].n));
    const reportsBefore = await count(
      `SELECT count(*) AS n FROM gateway.inbox WHERE consumer = 'gateway-privacy-reports'`,
    );
    const copy = `copy-${job.id}`;
    const events = await EventPublisher.connect();
    try {
      await events.publish(
        `privacy-erasure.privacy.erasure.requested.${job.id}`,
        { erasureId: job.id, email: jane.email, contactId: null },
        copy,
      );
    } finally {
      await events.close();
    }
    await eventually(
      () =>
        count(
          `SELECT (SELECT count(*) FROM crm.inbox WHERE message_id = $1)
                + (SELECT count(*) FROM email.inbox WHERE message_id = $1) AS n`,
          [copy],
        ),
      (handled) => handled === 2,
      { description: 'the copy handled by CRM and email-tracking' },
    );
    await eventually(
      () =>
        count(`SELECT count(*) AS n FROM gateway.inbox WHERE consumer = 'gateway-privacy-reports'`),
      (reports) => reports === reportsBefore + 2,
      { description: 'their reports handled by the gateway' },
    );
    expect(await erasure(job.id)).toEqual(audit);
  });

  it('finishes after the lead funnel was down mid-way: the request waits in JetStream', async () => {
    const omar = person();
    const { contactId, leadId } = await createEverything(omar);
    await running.get('lead-funnel')!.stop();
    const started = await erase({ contactId });
    const midway = await eventually(
      () => erasure(started.id),
      (job) =>
        resultOf(job, 'crm-enrichment').status === 'done' &&
        resultOf(job, 'email-tracking').status === 'done',
      { timeoutMs: 30_000, description: 'CRM and email-tracking done' },
    );
    expect(midway.status).toBe('pending');
    expect(resultOf(midway, 'lead-funnel').status).toBe('pending');
    await start('lead-funnel');
    const job = await finished(started.id);
    expect(job.status).toBe('done');
    expect(job.requestedBy).toBe('contactId');
    expect(resultOf(job, 'lead-funnel').erased).toMatchObject({ leads: 1 });
    expect(await whereFound(needles(omar))).toEqual([]);
    expect(
      (await api<{ contactId: string | null }>(`/v1/leads/${leadId}`)).body.contactId,
    ).toBeNull();
  });

  it('shows a service that failed with its reason, finishes the others, and ends failed', async () => {
    const crm = running.get('crm-enrichment')!;
    await crm.stop();
    const started = await erase({ email: `nobody.${letters(6)}@example.com` });
    await eventually(
      () => messagesOf(started.id),
      (count) => count > 0,
      { description: 'the request in the stream' },
    );
    // What the CRM reports after its last attempt (ErasureParticipant), sent here while it is down.
    const events = await EventPublisher.connect();
    try {
      await events.publish(
        `privacy-erasure.privacy.erasure.reported.${started.id}`,
        {
          erasureId: started.id,
          service: 'crm-enrichment',
          status: 'failed',
          reason: 'failed 8 times: database error 57P01',
          erased: {},
          contactIds: [],
        },
        `failed-${started.id}`,
      );
    } finally {
      await events.close();
    }
    const job = await finished(started.id);
    expect(job.status).toBe('failed');
    expect(resultOf(job, 'crm-enrichment')).toMatchObject({
      status: 'failed',
      reason: 'failed 8 times: database error 57P01',
    });
    for (const service of ['email-tracking', 'lead-funnel', 'gateway'])
      expect(resultOf(job, service).status).toBe('done');
    // The job's messages left the stream when it ended: the CRM, back, has nothing of it to do.
    expect(await messagesOf(started.id)).toBe(0);
    await start('crm-enrichment');
    expect(await erasure(started.id)).toEqual(job);
  });

  it('refuses bad input with a problem naming the field, and unknown erasures with 404', async () => {
    const cases: [object, string][] = [
      [{}, 'email'],
      [{ email: 'not-an-email' }, 'email'],
      [{ contactId: 42 }, 'contactId'],
      [{ contactId: '' }, 'contactId'],
    ];
    for (const [body, field] of cases) {
      const refused = await api<Problem>('/v1/privacy/erasures', { body });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.errors?.map((error) => error.field)).toContain(field);
    }
    const badId = await api<Problem>('/v1/privacy/erasures/nope');
    expect(badId.status).toBe(400);
    expect(badId.body.errors?.map((error) => error.field)).toEqual(['id']);
    const unknown = await api<Problem>('/v1/privacy/erasures/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PRIVACY_ERASURE_NOT_FOUND');
  });

  it('takes privacy:write to start and privacy:read to read an erasure', async () => {
    const keyWith = async (scopes: string[]) =>
      (
        await api<{ key: string }>('/v1/admin/api-keys', {
          body: { name: `privacy-${scopes.join('-').replace(/:/g, '.')}`, scopes },
        })
      ).body.key;
    const [writer, reader, crm] = await Promise.all([
      keyWith(['privacy:write']),
      keyWith(['privacy:read']),
      keyWith(['crm:read', 'crm:write']),
    ]);
    const body = { email: `nobody.${letters(6)}@example.com` };
    expect((await api('/v1/privacy/erasures', { body, key: crm })).status).toBe(403);
    expect((await api('/v1/privacy/erasures', { body, key: reader })).status).toBe(403);
    const started = await api<Erasure>('/v1/privacy/erasures', { body, key: writer });
    expect(started.status).toBe(202);
    expect((await api(`/v1/privacy/erasures/${started.body.id}`, { key: crm })).status).toBe(403);
    expect((await api(`/v1/privacy/erasures/${started.body.id}`, { key: reader })).status).toBe(
      200,
    );
  });
});
