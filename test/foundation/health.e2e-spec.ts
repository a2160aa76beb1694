import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { AppSet, RunningApp } from '../support/apps';
import { TcpProxy } from '../support/tcp-proxy';
import { e2eRun } from '../support/test-env';
import { eventually } from '../support/eventually';

async function readiness(
  app: RunningApp,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${app.url}/health/ready`, { signal: AbortSignal.timeout(5000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('health endpoints tell the truth', () => {
  const apps = new AppSet();
  const postgresProxy = new TcpProxy('127.0.0.1', 5432);
  const natsProxy = new TcpProxy('127.0.0.1', 4222);
  let glossary: RunningApp;
  const readinessBecomes = (status: number, timeoutMs = 15_000) =>
    eventually(
      () => readiness(glossary),
      (ready) => ready.status === status,
      { timeoutMs, description: `readiness ${status}` },
    );

  beforeAll(async () => {
    await postgresProxy.start();
    await natsProxy.start();
    const run = e2eRun();
    const databaseUrl = new URL(run.databaseUrl);
    databaseUrl.port = String(postgresProxy.port);
    glossary = await apps.start('glossary', {
      env: { DATABASE_URL: databaseUrl.toString(), NATS_URL: `nats://127.0.0.1:${natsProxy.port}` },
    });
  });
  afterAll(async () => {
    await apps.stopAll();
    await postgresProxy.close();
    await natsProxy.close();
  });

  it('is live and ready when PostgreSQL and NATS answer', async () => {
    expect((await fetch(`${glossary.url}/health/live`)).status).toBe(200);
    const ready = await readiness(glossary);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, nats: { status: 'up' } },
    });
  });

  it('goes 503 naming the database while PostgreSQL is unreachable, and back to 200 after', async () => {
    postgresProxy.cut();
    await readinessBecomes(503);
    const down = await readiness(glossary);
    expect(down.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    expect((await fetch(`${glossary.url}/health/live`)).status).toBe(200);
    postgresProxy.restore();
    await readinessBecomes(200);
  });

  it('goes 503 naming NATS while NATS is unreachable, and back to 200 after', async () => {
    natsProxy.cut();
    await readinessBecomes(503);
    const down = await readiness(glossary);
    expect(down.body).toMatchObject({ status: 'error', error: { nats: { status: 'down' } } });
    natsProxy.restore();
    await readinessBecomes(200, 20_000);
  });

  it('exposes Prometheus metrics with the service and NATS series', async () => {
    const text = await (await fetch(`${glossary.url}/metrics`)).text();
    expect(text).toContain('# TYPE nats_server_requests_total counter');
    expect(text).toContain('# TYPE http_server_request_duration_seconds histogram');
    expect(text).toContain('process_cpu_seconds_total');
  });
});

describe('configuration is validated at startup', () => {
  it.each([
    ['NATS_URL', 'localhost:4222', 'NATS_URL must be one or more comma-separated nats:// URLs'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL must be a postgres:// URL'],
    ['HTTP_PORT', 'eighty', 'HTTP_PORT'],
    ['DB_MIGRATIONS_RUN', 'perhaps', 'DB_MIGRATIONS_RUN'],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    const result = spawnSync(
      process.execPath,
      [
        join(
          process.env.SALES_SUITE_DIST ?? join(__dirname, '../../dist'),
          'apps/glossary/src/main.js',
        ),
      ],
      {
        env: { PATH: process.env.PATH ?? '', [name]: value },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain(message);
  });
});
