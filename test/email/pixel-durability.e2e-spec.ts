import { AppSet, freePort, RunningApp, startApp } from '../support/apps';
import { apiClient } from '../support/http';
import { TcpProxy } from '../support/tcp-proxy';
import { e2eRun } from '../support/test-env';
import { eventually, fetchPixel, pixelPath, USER_AGENTS, withDatabase } from './support';

const KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

async function metric(app: RunningApp, name: string): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('pixel durability, retention and key configuration', () => {
  describe('NATS unreachable from the gateway', () => {
    const apps = new AppSet();
    const natsProxy = new TcpProxy('127.0.0.1', Number(new URL(e2eRun().natsUrl).port || 4222));
    let gateway: RunningApp;
    let api: ReturnType<typeof apiClient>;

    beforeAll(async () => {
      await natsProxy.start();
      const env = { PIXEL_SIGNING_KEYS: KEYS, PIXEL_SIGNING_KEY_ID: 'k1' };
      await apps.start('email-tracking', { env });
      gateway = await apps.start('gateway', {
        env: { ...env, NATS_URL: `nats://127.0.0.1:${natsProxy.port}` },
      });
      api = apiClient(gateway.url);
    });
    afterAll(async () => {
      await apps.stopAll();
      await natsProxy.close();
    });

    it('keeps answering at once, buffers the hits, and publishes every one once NATS is back', async () => {
      const campaign = await api<{ id: string }>('/v1/email/campaigns', {
        body: { name: 'Outage', subject: 'Outage' },
      });
      const created = await api<{ messages: { pixelUrl: string }[] }>(
        `/v1/email/campaigns/${campaign.body.id}/messages`,
        {
          body: {
            messages: Array.from({ length: 20 }, (_, i) => ({ email: `o${i}@example.com` })),
          },
        },
      );
      natsProxy.cut();
      const started = Date.now();
      for (const [index, message] of created.body.messages.entries()) {
        for (let repeat = 0; repeat < 3; repeat++) {
          const response = await fetchPixel(gateway.url, pixelPath(message.pixelUrl), {
            'user-agent': USER_AGENTS.outlook,
            'x-forwarded-for': `198.51.${index}.${repeat + 1}`,
          });
          expect(response.status).toBe(200);
          expect(response.body).toHaveLength(43);
        }
      }
      // 60 answers while NATS is away: none waited for a publish.
      expect(Date.now() - started).toBeLessThan(3000);
      expect(await metric(gateway, 'email_pixel_hits_buffered')).toBe(60);
      // A publish to an unreachable NATS fails after its timeout; then the buffer retries.
      await eventually(
        () => metric(gateway, 'email_pixel_publish_retries_total'),
        (retries) => retries > 0,
        15_000,
      );

      natsProxy.restore();
      const stats = await eventually(
        async () =>
          (
            await api<{ totalOpens: number; uniqueOpens: number }>(
              `/v1/email/campaigns/${campaign.body.id}/stats`,
            )
          ).body,
        (s) => s.totalOpens >= 60,
        30_000,
      );
      expect(stats).toMatchObject({ totalOpens: 60, uniqueOpens: 20 });
      expect(await metric(gateway, 'email_pixel_hits_buffered')).toBe(0);
    });
  });

  describe('dedicated pixel listener (PIXEL_HTTP_PORT)', () => {
    const apps = new AppSet();
    afterAll(() => apps.stopAll());

    it('serves the same GIF and counts the same way, without an API key', async () => {
      const pixelPort = await freePort();
      const env = { PIXEL_SIGNING_KEYS: KEYS, PIXEL_SIGNING_KEY_ID: 'k1' };
      await apps.start('email-tracking', { env });
      // The test speaks as a client (203.0.113.99) behind two trusted proxies: 10.0.0.1 and loopback.
      const gateway = await apps.start('gateway', {
        env: {
          ...env,
          PIXEL_HTTP_PORT: String(pixelPort),
          TRUSTED_PROXIES: '127.0.0.1/32,10.0.0.0/8',
        },
      });
      const api = apiClient(gateway.url);
      const campaign = await api<{ id: string }>('/v1/email/campaigns', {
        body: { name: 'Listener', subject: 'Listener' },
      });
      const created = await api<{ messages: { pixelUrl: string }[] }>(
        `/v1/email/campaigns/${campaign.body.id}/messages`,
        { body: { messages: [{ email: 'l@example.com', contactId: 'c-listener' }] } },
      );
      const listener = `http://127.0.0.1:${pixelPort}`;
      const path = pixelPath(created.body.messages[0].pixelUrl);
      const ok = await fetchPixel(listener, path, {
        'user-agent': USER_AGENTS.thunderbird,
        'x-forwarded-for': '203.0.113.99, 10.0.0.1',
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('cache-control')).toBe('no-store, private');
      expect(ok.body).toHaveLength(43);
      for (const bad of [
        '/t/o/forged.gif',
        `/t/o/${'y'.repeat(5000)}.gif`,
        '/elsewhere',
        '/t/o/%E0%A4%A.gif',
      ]) {
        const response = await fetchPixel(listener, bad);
        expect(response.status).toBe(200);
        expect(response.body).toHaveLength(43);
      }
      const head = await fetchPixel(listener, path, {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body).toHaveLength(0);
      await eventually(
        async () =>
          (await api<{ totalOpens: number }>(`/v1/email/campaigns/${campaign.body.id}/stats`)).body,
        (s) => s.totalOpens >= 1,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const stats = await api<{ totalOpens: number }>(
        `/v1/email/campaigns/${campaign.body.id}/stats`,
      );
      expect(stats.body.totalOpens).toBe(1);
      const [row] = await withDatabase(
        async (db) =>
          (
            await db.query(
              `SELECT ip_prefix, classification FROM email.opens WHERE contact_id = 'c-listener'`,
            )
          ).rows,
      );
      expect(row).toEqual({ ip_prefix: '203.0.113.0/24', classification: 'human' });
    });
  });

  describe('retention of open details', () => {
    const apps = new AppSet();
    afterAll(() => apps.stopAll());

    it('clears the IP prefix and UA family after the retention, keeping the open and its verdict', async () => {
      const env = {
        PIXEL_SIGNING_KEYS: KEYS,
        PIXEL_SIGNING_KEY_ID: 'k1',
        OPEN_DETAILS_RETENTION_HOURS: '0',
        OPEN_DETAILS_PURGE_INTERVAL_MS: '300',
      };
      await apps.start('email-tracking', { env });
      const gateway = await apps.start('gateway', { env });
      const api = apiClient(gateway.url);
      const campaign = await api<{ id: string }>('/v1/email/campaigns', {
        body: { name: 'Retention', subject: 'Retention' },
      });
      const created = await api<{ messages: { id: string; pixelUrl: string }[] }>(
        `/v1/email/campaigns/${campaign.body.id}/messages`,
        { body: { messages: [{ email: 'keep@example.com', contactId: 'c-retention' }] } },
      );
      const [message] = created.body.messages;
      await fetchPixel(gateway.url, pixelPath(message.pixelUrl), {
        'user-agent': USER_AGENTS.thunderbird,
        'x-forwarded-for': '203.0.113.80',
      });
      const row = await eventually(
        () =>
          withDatabase(
            async (db) =>
              (
                await db.query(
                  `SELECT classification, contact_id, ip_prefix, ua_family FROM email.opens WHERE message_id = $1`,
                  [message.id],
                )
              ).rows[0] as Record<string, unknown> | undefined,
          ),
        (found) => found !== undefined && found.ip_prefix === null,
      );
      expect(row).toEqual({
        classification: 'human',
        contact_id: 'c-retention',
        ip_prefix: null,
        ua_family: null,
      });
      const stats = await api<{ totalOpens: number }>(
        `/v1/email/campaigns/${campaign.body.id}/stats`,
      );
      expect(stats.body.totalOpens).toBe(1);
    });
  });

  describe('signing key configuration', () => {
    it('warns when the built-in development key is used', async () => {
      const apps = new AppSet();
      try {
        const gateway = await apps.start('gateway');
        expect(gateway.logs()).toContain('built-in development key');
      } finally {
        await apps.stopAll();
      }
    });

    it.each([
      [
        'an active key id that is not configured',
        { PIXEL_SIGNING_KEYS: KEYS, PIXEL_SIGNING_KEY_ID: 'k9' },
        'is not in PIXEL_SIGNING_KEYS',
      ],
      [
        'a short secret',
        { PIXEL_SIGNING_KEYS: 'k1:c2hvcnQ=', PIXEL_SIGNING_KEY_ID: 'k1' },
        'at least 32 bytes',
      ],
      [
        'a malformed list',
        { PIXEL_SIGNING_KEYS: 'k1=abc', PIXEL_SIGNING_KEY_ID: 'k1' },
        'PIXEL_SIGNING_KEYS must be',
      ],
    ])('refuses to start with %s', async (_name, env, message) => {
      for (const name of ['gateway', 'email-tracking'] as const) {
        const app = await startApp(name, { env, waitUntilReady: false });
        const code = await Promise.race([
          app.stop('SIGCONT'),
          new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000)),
        ]);
        if (code === 'still running') await app.stop('SIGKILL');
        expect(code).not.toBe('still running');
        expect(code).not.toBe(0);
        expect(app.logs()).toContain(message);
      }
    });
  });
});
