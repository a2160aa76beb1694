import { IncomingHttpHeaders, request } from 'node:http';
import { AppSet, freePort, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { metricValue } from '../support/metrics';
import { e2eRun } from '../support/test-env';
import { eventually, pixelPath, USER_AGENTS, withDatabase } from '../email/support';

const PIXEL_KEYS = `k1:${Buffer.alloc(32, 5).toString('base64')}`;
const TERM = '/v1/glossary/terms/sales-champion';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A GET from a chosen loopback address (Linux routes all of 127.0.0.0/8 to lo), so that one test
 * can be both a peer the gateway trusts and one it does not.
 */
function getFrom(from: string, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { headers, localAddress: from }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    })
      .on('error', reject)
      .end();
  });
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

function expectThrottled(answer: Answer): void {
  expect(answer.status).toBe(429);
  expect(answer.headers['content-type']).toContain('application/problem+json');
  expect(JSON.parse(answer.body)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  // Until the sliding window (this minute plus the weighted last one) leaves room: under 2 minutes.
  const retryAfter = Number(answer.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(120);
}

describe('client addresses: X-Forwarded-For from trusted proxies only; failed authentication throttled', () => {
  describe('a gateway that trusts 127.0.0.2 and nobody else', () => {
    const apps = new AppSet();
    let gateway: RunningApp;
    let listener: string;
    let api: ReturnType<typeof apiClient>;

    beforeAll(async () => {
      const pixelPort = await freePort();
      const keys = { PIXEL_SIGNING_KEYS: PIXEL_KEYS, PIXEL_SIGNING_KEY_ID: 'k1' };
      await Promise.all([apps.start('email-tracking', { env: keys }), apps.start('glossary')]);
      gateway = await apps.start('gateway', {
        env: {
          ...keys,
          TRUSTED_PROXIES: '127.0.0.2/32',
          PIXEL_HTTP_PORT: String(pixelPort),
          AUTH_FAILURES_PER_MINUTE: '3',
        },
      });
      listener = `http://127.0.0.1:${pixelPort}`;
      api = apiClient(gateway.url);
    });
    afterAll(() => apps.stopAll());

    it('records a pixel hit from the forwarded client only when a trusted peer forwarded it, on both pixel ports', async () => {
      const run = Date.now().toString(36);
      const cases = [
        { port: 'api', from: '127.0.0.1', source: '127.0.0.0/24' },
        { port: 'api', from: '127.0.0.2', source: '198.51.100.0/24' },
        { port: 'listener', from: '127.0.0.1', source: '127.0.0.0/24' },
        { port: 'listener', from: '127.0.0.2', source: '198.51.100.0/24' },
      ].map((c) => ({ ...c, contactId: `trust-${run}-${c.port}-${c.from}` }));
      const campaign = await api<{ id: string }>('/v1/email/campaigns', {
        body: { name: 'Trust', subject: 'Trust' },
      });
      const created = await api<{ messages: { pixelUrl: string }[] }>(
        `/v1/email/campaigns/${campaign.body.id}/messages`,
        {
          body: {
            messages: cases.map((c, i) => ({ email: `t${i}@example.com`, contactId: c.contactId })),
          },
        },
      );
      for (const [i, c] of cases.entries()) {
        const base = c.port === 'api' ? gateway.url : listener;
        // The client writes the left entry itself; only the trusted peer's own entry counts.
        const answer = await getFrom(
          c.from,
          `${base}${pixelPath(created.body.messages[i].pixelUrl)}`,
          {
            'user-agent': USER_AGENTS.thunderbird,
            'x-forwarded-for': '203.0.113.66, 198.51.100.7',
          },
        );
        expect(answer.status).toBe(200);
      }
      await eventually(
        async () =>
          (await api<{ totalOpens: number }>(`/v1/email/campaigns/${campaign.body.id}/stats`)).body
            .totalOpens,
        (opens) => opens >= cases.length,
      );
      const sources = await withDatabase(
        async (db) =>
          (
            await db.query<{ contact_id: string; ip_prefix: string }>(
              `SELECT contact_id, ip_prefix FROM email.opens WHERE contact_id LIKE $1`,
              [`trust-${run}-%`],
            )
          ).rows,
      );
      expect(Object.fromEntries(sources.map((row) => [row.contact_id, row.ip_prefix]))).toEqual(
        Object.fromEntries(cases.map((c) => [c.contactId, c.source])),
      );
    });

    it('throttles failed authentications of an untrusted peer whatever X-Forwarded-For it forges', async () => {
      const statuses: Answer[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          await getFrom('127.0.0.1', `${gateway.url}${TERM}`, {
            ...bearer(`ssk_guess_${i}`),
            'x-forwarded-for': `198.51.100.${100 + i}`,
          }),
        );
      expect(statuses.map((answer) => answer.status)).toEqual([401, 401, 401, 429, 429, 429]);
      expectThrottled(statuses[5]);
      // No key at all is a failed authentication too.
      expectThrottled(await getFrom('127.0.0.1', `${gateway.url}${TERM}`));
      // A valid key from the same address is not held back.
      const valid = await getFrom('127.0.0.1', `${gateway.url}${TERM}`, bearer(e2eRun().adminKey));
      expect(valid.status).toBe(200);
    });

    it('throttles each client a trusted proxy forwards for on its own', async () => {
      const attempt = (client: string) =>
        getFrom('127.0.0.2', `${gateway.url}${TERM}`, {
          ...bearer('ssk_wrong'),
          'x-forwarded-for': client,
        });
      const first: number[] = [];
      for (let i = 0; i < 4; i++) first.push((await attempt('198.51.100.20')).status);
      expect(first).toEqual([401, 401, 401, 429]);
      expect((await attempt('198.51.100.21')).status).toBe(401);
      // An IPv6 client is counted by its /64: another address in it shares the budget.
      const v6: number[] = [];
      for (let i = 0; i < 4; i++) v6.push((await attempt(`2001:db8:5:6::${i + 1}`)).status);
      expect(v6).toEqual([401, 401, 401, 429]);
      expect((await attempt('2001:db8:5:7::1')).status).toBe(401);
    });
  });

  describe('two gateway replicas', () => {
    const LIMIT = 10;
    const apps = new AppSet();
    let gateways: RunningApp[];

    beforeAll(async () => {
      await apps.start('glossary');
      const env = { AUTH_FAILURES_PER_MINUTE: String(LIMIT) };
      gateways = await Promise.all([
        apps.start('gateway', { env, waitUntilReady: false }),
        apps.start('gateway', { env, waitUntilReady: false }),
      ]);
      await Promise.all(gateways.map((gateway) => gateway.waitUntilReady(90_000)));
    });
    afterAll(() => apps.stopAll());

    it('hold a client to one budget of failed authentications between them', async () => {
      for (const gateway of gateways)
        await eventually(
          () => metricValue(gateway, 'gateway_rate_limit_replicas', { budget: 'authFailures' }),
          (replicas) => replicas === 2,
        );
      // The attempts fit in one minute window, so that the budget is exactly LIMIT.
      const msLeftInWindow = 60_000 - (Date.now() % 60_000);
      if (msLeftInWindow < 10_000)
        await new Promise((resolve) => setTimeout(resolve, msLeftInWindow + 100));
      const client = { 'x-forwarded-for': '198.51.100.50' };
      const answers: Answer[] = [];
      for (let i = 0; i < 2 * LIMIT; i++)
        answers.push(
          await getFrom('127.0.0.1', `${gateways[i % 2].url}${TERM}`, {
            ...bearer(`ssk_guess_${i}`),
            ...client,
          }),
        );
      expect(answers.filter((a) => a.status !== 401 && a.status !== 429)).toEqual([]);
      const refusedAsUnknown = answers.filter((a) => a.status === 401).length;
      // Each replica alone would have let LIMIT through: together they let at most LIMIT.
      expect(refusedAsUnknown).toBeLessThanOrEqual(LIMIT);
      expect(refusedAsUnknown).toBeGreaterThanOrEqual(LIMIT / 2);
      for (const answer of answers.filter((a) => a.status === 429)) expectThrottled(answer);
      for (const gateway of gateways) {
        const valid = await getFrom('127.0.0.1', `${gateway.url}${TERM}`, {
          ...bearer(e2eRun().adminKey),
          ...client,
        });
        expect(valid.status).toBe(200);
        const otherClient = await getFrom('127.0.0.1', `${gateway.url}${TERM}`, {
          ...bearer('ssk_guess'),
          'x-forwarded-for': '198.51.100.51',
        });
        expect(otherClient.status).toBe(401);
      }
    });
  });
});
