import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { metricValue } from '../support/metrics';

const handledBy = (app: RunningApp) =>
  metricValue(app, 'nats_server_requests_total', {
    subject: 'glossary.term.list',
    outcome: 'ok',
  });

// Listing goes to the service every time (single terms may be answered from the gateway's cache).
describe('glossary replicas share one queue group', () => {
  const apps = new AppSet();
  let first: RunningApp;
  let second: RunningApp;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    [first, second] = await Promise.all([apps.start('glossary'), apps.start('glossary')]);
    // Traffic as fast as the gateway answers: far beyond the default per-key rate limit.
    const gateway = await apps.start('gateway', { env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    api = apiClient(gateway.url);
  });
  afterAll(() => apps.stopAll());

  it('spreads requests over both replicas', async () => {
    const before = [await handledBy(first), await handledBy(second)];
    const statuses = await Promise.all(
      Array.from({ length: 60 }, () => api('/v1/glossary/terms?limit=2').then((r) => r.status)),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    const after = [await handledBy(first), await handledBy(second)];
    const served = [after[0] - before[0], after[1] - before[1]];
    expect(served[0] + served[1]).toBe(60);
    expect(served[0]).toBeGreaterThan(0);
    expect(served[1]).toBeGreaterThan(0);
  });

  it('loses no request when one replica is stopped mid-traffic', async () => {
    const results: number[] = [];
    let running = true;
    const clients = Array.from({ length: 4 }, async () => {
      while (running) results.push((await api('/v1/glossary/terms?limit=2')).status);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const exitCode = await first.stop('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    running = false;
    await Promise.all(clients);
    expect(exitCode).toBe(0);
    expect(results.length).toBeGreaterThan(50);
    expect(results.filter((status) => status !== 200)).toEqual([]);
  });
});
