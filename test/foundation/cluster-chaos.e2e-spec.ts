import { connect, NatsConnection, StreamInfo } from 'nats';
import { fetchPixel, pixelPath, USER_AGENTS } from '../email/support';
import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { metricValue } from '../support/metrics';
import { NatsCluster, startNatsCluster } from '../support/nats-cluster';
import { e2eRun } from '../support/test-env';
import { eventually } from '../support/eventually';

const KEYS = `k1:${Buffer.alloc(32, 9).toString('base64')}`;
const HITS_PER_SECOND = 100;
const LOAD_SECONDS = 24;
const LEADS_PER_SECOND = 4;
const MESSAGES = 200;

interface ConsumerState {
  consumer: string;
  pending: number;
  ackPending: number;
}

/** Every durable consumer of this run's streams on the cluster, with what it has left to do. */
async function consumerStates(nc: NatsConnection): Promise<ConsumerState[]> {
  const manager = await nc.jetstreamManager();
  const prefix = e2eRun().subjectPrefix.replace(/\./g, '_');
  const states: ConsumerState[] = [];
  for await (const stream of manager.streams.list()) {
    if (!stream.config.name.startsWith(prefix)) continue;
    for await (const consumer of manager.consumers.list(stream.config.name))
      states.push({
        consumer: consumer.name,
        pending: consumer.num_pending,
        ackPending: consumer.num_ack_pending,
      });
  }
  return states;
}

/** The stream holding the run's pixel hits (found by subject, whatever it is named). */
async function pixelHitsStream(nc: NatsConnection): Promise<StreamInfo> {
  const manager = await nc.jetstreamManager();
  const subject = `${e2eRun().subjectPrefix}email.pixel.hits`;
  for await (const stream of manager.streams.list())
    if (stream.config.subjects?.some((s) => s.startsWith(subject))) return stream;
  throw new Error(`no stream holds ${subject}*`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The chaos test: a 3-node JetStream cluster with every stream on all three nodes, two gateways,
 * two email-tracking replicas and the lead funnel. Under a steady load of pixel hits and lead
 * creations, the node leading the pixel-hits stream is killed -9 (and started again later) and
 * so is one email-tracking replica. Every accepted hit must be counted exactly once, every
 * acknowledged lead must exist, and every consumer must catch up.
 */
describe('a 3-node NATS cluster and replicas killed under load', () => {
  const apps = new AppSet();
  let cluster: NatsCluster;
  let nc: NatsConnection;
  let gateways: RunningApp[];
  let trackers: RunningApp[];
  let env: Record<string, string>;

  beforeAll(async () => {
    cluster = await startNatsCluster({ name: 'chaos-e2e' });
    nc = await connect({ servers: cluster.url.split(',') });
    env = {
      NATS_URL: cluster.url,
      NATS_STREAM_REPLICAS: '3',
      PIXEL_SIGNING_KEYS: KEYS,
      PIXEL_SIGNING_KEY_ID: 'k1',
      RATE_LIMIT_PER_MINUTE: '1000000',
    };
    // Migrations run under an advisory lock, so all of them may start together; on a loaded
    // 2-core machine five apps booting at once need longer than one.
    const started = await Promise.all(
      (['email-tracking', 'email-tracking', 'lead-funnel', 'gateway', 'gateway'] as const).map(
        (name) => apps.start(name, { env, waitUntilReady: false }),
      ),
    );
    await Promise.all(started.map((app) => app.waitUntilReady(90_000)));
    trackers = started.slice(0, 2);
    gateways = started.slice(3);
  });
  afterAll(async () => {
    await apps.stopAll();
    await nc?.close();
    await cluster?.stop();
  });

  it('counts every accepted pixel hit exactly once and keeps every acknowledged write', async () => {
    const api = apiClient(gateways[0].url);
    const campaign = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name: 'Chaos', subject: 'Chaos' },
    });
    expect(campaign.status).toBe(201);
    const created = await api<{ messages: { pixelUrl: string }[] }>(
      `/v1/email/campaigns/${campaign.body.id}/messages`,
      {
        body: {
          messages: Array.from({ length: MESSAGES }, (_, i) => ({
            email: `chaos${i}@example.com`,
          })),
        },
      },
    );
    expect(created.status).toBe(201);
    const paths = created.body.messages.map((message) => pixelPath(message.pixelUrl));
    const streamInfo = await pixelHitsStream(nc);
    expect(1 + (streamInfo.cluster?.replicas?.length ?? 0)).toBe(3);

    const pixelStatuses: number[] = [];
    const leadStatuses: number[] = [];
    const leadFailures: string[] = [];
    const acknowledgedLeads: string[] = [];
    const inFlight: Promise<void>[] = [];
    const loadStarted = Date.now();
    const hits = HITS_PER_SECOND * LOAD_SECONDS;
    const hitsPerLead = HITS_PER_SECOND / LEADS_PER_SECOND;

    const faults = (async () => {
      await sleep(6_000);
      const leader = cluster.node(streamInfo.cluster!.leader!);
      await leader.kill();
      await sleep(3_000);
      await trackers[0].stop('SIGKILL');
      await sleep(5_000);
      await leader.start();
      await sleep(4_000);
      trackers[0] = await apps.start('email-tracking', { env, waitUntilReady: false });
      await trackers[0].waitUntilReady(60_000);
    })();

    for (let index = 0; index < hits; index++) {
      const due = loadStarted + (index * 1000) / HITS_PER_SECOND;
      // Always yields, even when behind, so that answers are read while the load goes on.
      await sleep(Math.max(0, due - Date.now()));
      const gateway = gateways[index % gateways.length];
      inFlight.push(
        fetchPixel(gateway.url, paths[index % paths.length], {
          'user-agent': USER_AGENTS.thunderbird,
          'x-forwarded-for': `198.51.${index % 200}.${1 + (index % 250)}`,
        }).then(
          (response) => void pixelStatuses.push(response.status),
          () => void pixelStatuses.push(0),
        ),
      );
      if (index % hitsPerLead === 0)
        inFlight.push(
          apiClient(gateway.url)<{ id: string }>('/v1/leads', {
            body: { source: 'referral', contactId: `c-chaos-${index}`, amount: 100 },
            timeoutMs: 20_000,
          }).then(
            (response) => {
              leadStatuses.push(response.status);
              if (response.status === 201) acknowledgedLeads.push(response.body.id);
              if (response.status === 500)
                leadFailures.push(
                  `500 at ${Date.now() - loadStarted} ms: ${JSON.stringify(response.body)}`,
                );
            },
            (error: Error) => {
              leadStatuses.push(0);
              leadFailures.push(
                `no answer at ${Date.now() - loadStarted} ms: ${error.message} ${String(error.cause ?? '')}`,
              );
            },
          ),
        );
    }
    await Promise.all(inFlight);
    await faults;

    // The pixel answers at once whatever happens behind it; the gateways buffered every hit.
    expect(pixelStatuses.filter((status) => status !== 200)).toEqual([]);
    let accepted = 0;
    for (const gateway of gateways) {
      accepted += await metricValue(gateway, 'email_pixel_requests_total', { outcome: 'open' });
      expect(await metricValue(gateway, 'email_pixel_requests_total', { outcome: 'dropped' })).toBe(
        0,
      );
    }
    expect(accepted).toBe(hits);

    const stats = await eventually(
      async () =>
        (
          await api<{ totalOpens: number }>(`/v1/email/campaigns/${campaign.body.id}/stats`, {
            timeoutMs: 5000,
          }).catch(() => ({ body: { totalOpens: -1 } }))
        ).body,
      (s) => s.totalOpens >= accepted,
      { timeoutMs: 45_000 },
    );
    expect(stats.totalOpens).toBe(accepted);

    // Every consumer caught up: nothing pending, nothing delivered and not yet acknowledged.
    const states = await eventually(
      () => consumerStates(nc),
      (found) => found.length > 0 && found.every((s) => s.pending === 0 && s.ackPending === 0),
      { timeoutMs: 30_000 },
    );
    expect(states.map((s) => s.consumer).join(',')).toContain('email-tracking-pixel-hits');
    // Still exactly once after everything settled (a late redelivery would show here).
    const settled = await api<{ totalOpens: number }>(
      `/v1/email/campaigns/${campaign.body.id}/stats`,
    );
    expect(settled.body.totalOpens).toBe(accepted);

    // Writes during the faults: acknowledged ones exist; the others failed cleanly, never a 500
    // and never a hang (status 0).
    expect(leadStatuses).toHaveLength(hits / hitsPerLead);
    expect(leadFailures).toEqual([]);
    expect(acknowledgedLeads.length).toBeGreaterThan(leadStatuses.length / 2);
    for (const id of acknowledgedLeads)
      expect((await api(`/v1/leads/${id}`, { timeoutMs: 5000 })).status).toBe(200);
  });
});
