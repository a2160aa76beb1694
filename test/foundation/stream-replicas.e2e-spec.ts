import { connect, NatsConnection } from 'nats';
import { AppSet, RunningApp } from '../support/apps';
import { NatsCluster, startNatsCluster } from '../support/nats-cluster';
import { e2eRun } from '../support/test-env';
import { eventually } from '../support/eventually';

interface Placement {
  stream: string;
  replicas: number;
  consumers: { name: string; replicas: number }[];
}

/** Every stream of this run on the cluster with how many servers hold it and each consumer. */
async function placements(nc: NatsConnection): Promise<Placement[]> {
  const manager = await nc.jetstreamManager();
  const prefix = e2eRun().subjectPrefix.replace(/\./g, '_');
  const found: Placement[] = [];
  for await (const stream of manager.streams.list()) {
    if (!stream.config.name.startsWith(prefix)) continue;
    const consumers: Placement['consumers'] = [];
    for await (const consumer of manager.consumers.list(stream.config.name))
      consumers.push({
        name: consumer.name,
        replicas: 1 + (consumer.cluster?.replicas?.length ?? 0),
      });
    found.push({
      stream: stream.config.name.slice(prefix.length),
      replicas: 1 + (stream.cluster?.replicas?.length ?? 0),
      consumers,
    });
  }
  return found.sort((a, b) => a.stream.localeCompare(b.stream));
}

describe('stream replicas from NATS_STREAM_REPLICAS on a 3-node JetStream cluster', () => {
  let cluster: NatsCluster;
  let nc: NatsConnection;

  beforeAll(async () => {
    cluster = await startNatsCluster({ name: 'replicas-e2e' });
    nc = await connect({ servers: cluster.url.split(',') });
  });
  afterAll(async () => {
    await nc?.close();
    await cluster?.stop();
  });

  async function runLeadFunnel(replicas: string): Promise<RunningApp> {
    const apps = new AppSet();
    const app = await apps.start('lead-funnel', {
      env: { NATS_URL: cluster.url, NATS_STREAM_REPLICAS: replicas },
    });
    return app;
  }

  it('creates streams and durable consumers with 1 replica, then scales them to 3 at the next start', async () => {
    const single = await runLeadFunnel('1');
    // Its consumers declare their streams and durables one after the other, after readiness: wait
    // until the streams it consumes and LEAD_EVENTS, which it publishes to, stop changing for 2 s.
    let last = '';
    let sameSince = Date.now();
    const before = await eventually(
      () => placements(nc),
      (found) => {
        const seen = JSON.stringify(found);
        if (seen !== last) [last, sameSince] = [seen, Date.now()];
        return (
          found.some((p) => p.stream === 'LEAD_EVENTS') &&
          found.filter((p) => p.consumers.length > 0).length >= 2 &&
          Date.now() - sameSince >= 2000
        );
      },
      { description: 'the streams and durables of one lead-funnel replica' },
    );
    await single.stop();
    expect(before.length).toBeGreaterThanOrEqual(2);
    for (const placement of before) {
      expect(placement.replicas).toBe(1);
      for (const consumer of placement.consumers) expect(consumer.replicas).toBe(1);
    }

    const triple = await runLeadFunnel('3');
    try {
      // Every stream and durable of the first start, now on all three servers. A declaration the
      // first start had not reached before it stopped (consumers start one after another, slowly
      // on a loaded machine) may appear now too: at 3 replicas from the start.
      const onThree = (found: Placement[], placement: Placement) => {
        const now = found.find((p) => p.stream === placement.stream);
        return (
          now !== undefined &&
          now.replicas === 3 &&
          placement.consumers.every((consumer) =>
            now.consumers.some((c) => c.name === consumer.name && c.replicas === 3),
          )
        );
      };
      const after = await eventually(
        () => placements(nc),
        (found) => before.every((placement) => onThree(found, placement)),
        { description: 'every stream and durable of the first start on three servers' },
      );
      for (const placement of before) expect(onThree(after, placement)).toBe(true);
      for (const placement of after) {
        expect(placement.replicas).toBe(3);
        for (const consumer of placement.consumers) expect(consumer.replicas).toBe(3);
      }
    } finally {
      await triple.stop();
    }
  });

  it('says why when the cluster cannot hold that many replicas', async () => {
    const app = await runLeadFunnel('5');
    try {
      await eventually(
        async () => app.logs(),
        (logs) => logs.includes('cannot have 5 replicas'),
      );
      expect(app.logs()).toContain('NATS_STREAM_REPLICAS must not exceed');
    } finally {
      await app.stop();
    }
  });

  it('refuses an out-of-range NATS_STREAM_REPLICAS at startup, naming it', async () => {
    const apps = new AppSet();
    const app = await apps.start('lead-funnel', {
      env: { NATS_URL: cluster.url, NATS_STREAM_REPLICAS: '0' },
      waitUntilReady: false,
    });
    expect(await app.stop('SIGCONT')).toBe(1);
    expect(app.logs()).toContain('NATS_STREAM_REPLICAS');
  });
});
