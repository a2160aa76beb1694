import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { metricValue } from '../support/metrics';
import { TcpProxy } from '../support/tcp-proxy';
import { eventually } from '../support/eventually';
import { e2eRun } from '../support/test-env';

/** One kind of cached answer, read through the gateway: which slugs it names. */
interface Probe {
  subject: string;
  ask: () => Promise<string[]>;
}

const SLUG = 'mutual-action-plan';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const served = (app: RunningApp, subject: string) =>
  metricValue(app, 'nats_server_requests_total', { subject, outcome: 'ok' });

// Requests reach one replica or the other at random (queue group); each replica's metrics tell
// which one answered a write, and whether a given replica answered any of a batch of reads.
describe('glossary caches on every replica follow term events', () => {
  const apps = new AppSet();
  // The second replica reaches NATS through a proxy, to cut it off and bring it back.
  const natsProxy = new TcpProxy('127.0.0.1', Number(new URL(e2eRun().natsUrl).port || 4222));
  let replicas: RunningApp[];
  let api: ReturnType<typeof apiClient>;
  let probes: Probe[];

  beforeAll(async () => {
    await natsProxy.start();
    replicas = await Promise.all([
      apps.start('glossary'),
      apps.start('glossary', { env: { NATS_URL: `nats://127.0.0.1:${natsProxy.port}` } }),
    ]);
    const gateway = await apps.start('gateway', { env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    api = apiClient(gateway.url);
    const slugsOf = async (path: string, body?: unknown) => {
      const response = await api<{ items?: { slug: string }[]; mentions?: { slug: string }[] }>(
        path,
        body === undefined ? {} : { body },
      );
      expect(response.status).toBe(200);
      return (response.body.items ?? response.body.mentions ?? []).map((item) => item.slug);
    };
    probes = [
      { subject: 'glossary.search', ask: () => slugsOf('/v1/glossary/search?q=mutual+action') },
      { subject: 'glossary.suggest', ask: () => slugsOf('/v1/glossary/suggest?prefix=mutual+ac') },
      {
        subject: 'glossary.annotate',
        ask: () => slugsOf('/v1/glossary/annotate', { text: 'We signed a mutual action plan.' }),
      },
    ];
  });
  afterAll(async () => {
    await apps.stopAll();
    await natsProxy.close();
  });

  /** Asks every probe until each replica answered each at least twice (the second from cache). */
  async function warmBoth(expectSlug: boolean): Promise<void> {
    const cacheHits = (app: RunningApp, kind: string) =>
      metricValue(app, 'glossary_search_cache_lookups_total', { kind, outcome: 'hit' });
    for (const probe of probes) {
      const kind = probe.subject.split('.')[1];
      const before = await Promise.all(replicas.map((app) => served(app, probe.subject)));
      const hitsBefore = await Promise.all(replicas.map((app) => cacheHits(app, kind)));
      for (let round = 0; ; round++) {
        expect((await probe.ask()).includes(SLUG)).toBe(expectSlug);
        const after = await Promise.all(replicas.map((app) => served(app, probe.subject)));
        if (after.every((count, i) => count - before[i] >= 2)) break;
        if (round > 60) throw new Error(`${probe.subject} never reached both replicas`);
      }
      if (kind !== 'annotate') {
        const hitsAfter = await Promise.all(replicas.map((app) => cacheHits(app, kind)));
        hitsAfter.forEach((hits, i) => expect(hits).toBeGreaterThan(hitsBefore[i]));
      }
    }
  }

  /**
   * Asks every probe (all at once) in batches until a whole batch is `fresh` and `replica`
   * answered part of it; returns how long after the call the last probe's first such batch began.
   */
  async function untilFreshOn(
    replica: RunningApp,
    fresh: (slugs: string[]) => boolean,
    timeoutMs: number,
  ): Promise<number> {
    const started = Date.now();
    const waits = await Promise.all(
      probes.map(async (probe) => {
        for (;;) {
          const batchStarted = Date.now();
          const before = await served(replica, probe.subject);
          const answers = await Promise.all(Array.from({ length: 6 }, () => probe.ask()));
          const answeredBy = (await served(replica, probe.subject)) - before;
          if (answers.every(fresh) && answeredBy > 0) return batchStarted - started;
          if (Date.now() - started > timeoutMs)
            throw new Error(`${probe.subject} still answered from before the change`);
          await sleep(50);
        }
      }),
    );
    return Math.max(...waits);
  }

  /** Which replica answered `write` (its subject tells the metric to look at). */
  async function through<T>(subject: string, write: () => Promise<T>) {
    const before = await Promise.all(replicas.map((app) => served(app, subject)));
    const result = await write();
    const after = await Promise.all(replicas.map((app) => served(app, subject)));
    const writer = after.findIndex((count, i) => count > before[i]);
    expect(writer).toBeGreaterThanOrEqual(0);
    return { result, writer: replicas[writer], other: replicas[1 - writer] };
  }

  it("a write through one replica changes the other's search, suggest and annotate answers within about a second", async () => {
    await warmBoth(false);
    const { result, other } = await through('glossary.term.create', () =>
      api('/v1/glossary/terms', {
        body: {
          slug: SLUG,
          name: 'Mutual Action Plan',
          definition: 'A shared timeline of the steps the buyer and seller take to close.',
          aliases: ['MAP'],
        },
      }),
    );
    expect(result.status).toBe(201);
    // Events reach the other replica in milliseconds; the bound leaves room for a loaded machine.
    expect(await untilFreshOn(other, (slugs) => slugs.includes(SLUG), 5000)).toBeLessThan(2000);
  });

  it("an import through one replica changes the other's answers", async () => {
    await warmBoth(true);
    const { result, other } = await through('glossary.import', () =>
      api<{ updated: number }>('/v1/glossary/import', {
        body: [
          {
            slug: SLUG,
            name: 'Close Plan',
            definition: 'A shared timeline of the steps the buyer and seller take to close.',
          },
          { slug: 'renewal-forecast', name: 'Renewal Forecast', definition: 'Renewals due.' },
        ],
      }),
    );
    expect(result.status).toBe(200);
    expect(result.body.updated).toBe(1);
    // Renamed without its alias: "mutual action" now finds, suggests and annotates nothing.
    expect(await untilFreshOn(other, (slugs) => !slugs.includes(SLUG), 5000)).toBeLessThan(2000);
  });

  it('forgets what it cached when events may have been missed while NATS was away', async () => {
    const restored = await api<{ version: number }>('/v1/glossary/import', {
      body: [
        {
          slug: SLUG,
          name: 'Mutual Action Plan',
          definition: 'A shared timeline of the steps the buyer and seller take to close.',
        },
      ],
    });
    expect(restored.status).toBe(200);
    await untilFreshOn(replicas[1], (slugs) => slugs.includes(SLUG), 5000);
    await warmBoth(true);
    // Cut off, the second replica answers nothing and hears no event: the first takes the delete.
    natsProxy.cut();
    try {
      // Until the server has dropped the cut connection, it may still route a request to it; that
      // request times out as a 503, which a client retries.
      const deleted = await eventually(
        () => api(`/v1/glossary/terms/${SLUG}`, { method: 'DELETE', headers: { 'if-match': '*' } }),
        (response) => response.status !== 503,
        { timeoutMs: 30_000, description: 'the delete through the replica still connected' },
      );
      expect(deleted.status).toBe(204);
    } finally {
      natsProxy.restore();
    }
    await untilFreshOn(replicas[1], (slugs) => !slugs.includes(SLUG), 20_000);
  });
});
