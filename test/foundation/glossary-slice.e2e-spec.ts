import { AckPolicy, connect, DeliverPolicy, NatsConnection } from 'nats';
import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';

interface Term {
  slug: string;
  name: string;
  definition: string;
  aliases: string[];
  status: string;
  version: number;
}

describe('glossary slice: gateway → NATS → glossary → PostgreSQL', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let glossary: RunningApp;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    glossary = await apps.start('glossary');
    gateway = await apps.start('gateway', { env: { NATS_REQUEST_TIMEOUT_MS: '1500' } });
    api = apiClient(gateway.url);
  });
  afterAll(() => apps.stopAll());

  it('serves the seeded Sales Champion with the seed definition verbatim', async () => {
    const response = await api<Term>('/v1/glossary/terms/sales-champion');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      slug: 'sales-champion',
      name: 'Sales Champion',
      status: 'approved',
      definition:
        "A Sales Champion is an influential individual within a customer's organization who passionately supports and promotes your solution, helping to navigate the decision-making process and ultimately pushing for your product or service to be chosen.",
    });
    const sko = await api<Term>('/v1/glossary/terms/sales-kickoff');
    expect(sko.body.aliases).toEqual(['SKO']);
  });

  it('pages through every term in slug order with a cursor, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=4&cursor=${cursor}` : '?limit=4';
      const page = await api<{ items: Term[]; nextCursor: string | null }>(
        `/v1/glossary/terms${query}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.body.items.map((term) => term.slug));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(
      expect.arrayContaining(['sales-champion', 'open-rate', 'private-labeling']),
    );
    const filtered = await api<{ items: Term[] }>('/v1/glossary/terms?category=Lead%20generation');
    expect(filtered.body.items.map((term) => term.slug)).toEqual([
      'data-driven-lead-generation',
      'lead-generation-funnel',
    ]);
  });

  it('answers 404 problem+json with a code for an unknown slug', async () => {
    const response = await api('/v1/glossary/terms/pipeline-velocity-unknown');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 404,
      code: 'GLOSSARY_TERM_NOT_FOUND',
      title: 'Not Found',
    });
  });

  it('answers 400 naming each invalid field, and writes nothing', async () => {
    const response = await api('/v1/glossary/terms', {
      body: { slug: 'Not A Slug', name: '', definition: 'ok', color: 'red' },
    });
    expect(response.status).toBe(400);
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(['color', 'name', 'slug']);
    expect(response.body.detail).toContain('slug must be kebab-case');
    const limit = await api('/v1/glossary/terms?limit=1000');
    expect(limit.status).toBe(400);
    expect(limit.body).toMatchObject({ errors: [{ field: 'limit' }] });
  });

  it('creates a term (201 + Location), refuses its duplicate with 409, and publishes glossary.term.created', async () => {
    const run = e2eRun();
    const nc: NatsConnection = await connect({ servers: run.natsUrl });
    try {
      const body = {
        slug: 'pipeline-velocity',
        name: 'Pipeline Velocity',
        definition: 'How fast deals move.',
        aliases: ['PV'],
      };
      const created = await api<Term>('/v1/glossary/terms', { body });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe('/v1/glossary/terms/pipeline-velocity');
      expect(created.body).toMatchObject({ ...body, status: 'draft', version: 1 });
      expect((await api<Term>('/v1/glossary/terms/pipeline-velocity')).body.name).toBe(
        'Pipeline Velocity',
      );

      const duplicate = await api('/v1/glossary/terms', { body });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({ code: 'GLOSSARY_SLUG_TAKEN' });

      // The outbox relay carries the event to JetStream: read it back from the stream.
      const stream = `${run.subjectPrefix.replace(/\./g, '_')}GLOSSARY_EVENTS`;
      const manager = await nc.jetstreamManager();
      await manager.consumers.add(stream, {
        durable_name: 'slice-test',
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: `${run.subjectPrefix}glossary.term.created`,
      });
      const consumer = await nc.jetstream().consumers.get(stream, 'slice-test');
      const events: { term: Term }[] = [];
      const deadline = Date.now() + 10_000;
      while (
        Date.now() < deadline &&
        !events.some((event) => event.term.slug === 'pipeline-velocity')
      ) {
        const batch = await consumer.fetch({ max_messages: 10, expires: 1000 });
        for await (const message of batch) {
          events.push(message.json());
          message.ack();
        }
      }
      const created_events = events.filter((event) => event.term.slug === 'pipeline-velocity');
      expect(created_events).toHaveLength(1);
      expect(created_events[0].term).toMatchObject({ name: 'Pipeline Velocity', version: 1 });
    } finally {
      await nc.close();
    }
  });

  it('answers 503 (SERVICE_TIMEOUT) within its timeout when the service hangs, and 503 at once when no replica is up', async () => {
    const run = e2eRun();
    await glossary.stop();
    try {
      const started = Date.now();
      const down = await api('/v1/glossary/terms/open-rate');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'glossary' });
      expect(Date.now() - started).toBeLessThan(1500);

      // A responder that takes the request and never answers: the gateway must not hang.
      const nc = await connect({ servers: run.natsUrl });
      nc.subscribe(`${run.subjectPrefix}glossary.term.get`, {
        queue: 'glossary',
        callback: () => undefined,
      });
      await nc.flush();
      const hangStarted = Date.now();
      const hung = await api('/v1/glossary/terms/open-rate');
      const elapsed = Date.now() - hangStarted;
      await nc.close();
      expect(hung.status).toBe(503);
      expect(Number(hung.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(hung.body).toMatchObject({ code: 'SERVICE_TIMEOUT' });
      expect(elapsed).toBeGreaterThanOrEqual(1400);
      expect(elapsed).toBeLessThan(5000);
    } finally {
      glossary = await apps.start('glossary');
    }
    expect((await api('/v1/glossary/terms/open-rate')).status).toBe(200);
  });
});
