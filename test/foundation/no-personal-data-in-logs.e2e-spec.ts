import { Client } from 'pg';
import { request } from 'node:http';
import { AppName, AppSet, freePort, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';
import { eventually, pixelPath } from '../email/support';

/** People with values no log line has any other reason to contain. */
const CREATED = {
  email: 'quillonzeta.marburyxi@example.org',
  firstName: 'Quillonzeta',
  lastName: 'Marburyxi',
  phone: '+44 20 7946 0731',
};
const IMPORTED = {
  email: 'ottolinexu.quadevar@example.net',
  firstName: 'Ottolinexu',
  lastName: 'Quadevar',
  phone: '+49 30 9018 2077',
};
/** Refused by a CHECK constraint this test adds: the insert fails in PostgreSQL. */
const REFUSED = {
  email: 'zephyrinequo.oddbrookel@example.com',
  firstName: 'Zephyrinequo',
  lastName: 'Oddbrookel',
  phone: '+33 1 84 88 07 31',
};
/** The phones as enrichment normalises them. */
const PHONES_E164 = ['+442079460731', '+493090182077', '+33184880731'];
const RECIPIENT = 'ysoldewy.pixelcombe@example.com';
const CLIENT_IPS = ['198.51.100.77', '2001:db8:77::1977'];
const UNKNOWN_KEY = 'ssk_notAKeyButLooksLikeOne0123456789abcdefghijk';
const PIXEL_KEYS = `k1:${Buffer.alloc(32, 9).toString('base64')}`;
const CHECK = 'e2e_no_personal_data_in_logs';

/** GET through node:http, so that the request can name its client in X-Forwarded-For. */
function get(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

describe('no personal data or secret in any log line, at trace level', () => {
  const apps = new AppSet();
  const run = e2eRun();
  let db: Client;
  let gateway: RunningApp;
  let pixelPort: number;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    db = new Client({ connectionString: run.databaseUrl });
    await db.connect();
    pixelPort = await freePort();
    const traced = {
      LOG_LEVEL: 'trace',
      PIXEL_SIGNING_KEYS: PIXEL_KEYS,
      PIXEL_SIGNING_KEY_ID: 'k1',
    };
    const start = (name: AppName, env: Record<string, string> = {}) =>
      apps.start(name, { env: { ...traced, ...env }, keepAllOutput: true });
    await Promise.all([
      start('crm-enrichment', { CRM_FRESHNESS_INTERVAL_MS: '0' }),
      start('email-tracking'),
      start('lead-funnel'),
      start('glossary'),
    ]);
    gateway = await start('gateway', { PIXEL_HTTP_PORT: String(pixelPort) });
    api = apiClient(gateway.url);
    // Migrations ran with the apps: the table exists now. NOT VALID: rows of other tests stay.
    await db.query(
      `ALTER TABLE crm.contacts ADD CONSTRAINT ${CHECK} CHECK (email IS DISTINCT FROM '${REFUSED.email}') NOT VALID`,
    );
  });
  afterAll(async () => {
    await db.query(`ALTER TABLE crm.contacts DROP CONSTRAINT IF EXISTS ${CHECK}`);
    await db.end();
    await apps.stopAll();
  });

  it('logs what happened without the people, keys, tokens or addresses it happened to', async () => {
    // A contact created, read back by email in the query string, updated.
    const created = await api<{ id: string }>('/v1/crm/contacts', { body: CREATED });
    expect(created.status).toBe(201);
    const found = await api<{ items: unknown[] }>(
      `/v1/crm/contacts?email=${encodeURIComponent(CREATED.email)}`,
    );
    expect(found.status).toBe(200);
    expect(
      (
        await api(`/v1/crm/contacts/${created.body.id}`, {
          method: 'PATCH',
          body: { title: 'CFO' },
        })
      ).status,
    ).toBe(200);

    // A CSV import.
    const form = new FormData();
    const csv = `First Name,Last Name,Email,Phone Number\n${IMPORTED.firstName},${IMPORTED.lastName},${IMPORTED.email},${IMPORTED.phone}\n`;
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'people.csv');
    const upload = await fetch(`${gateway.url}/v1/crm/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${run.adminKey}` },
      body: form,
    });
    expect(upload.status).toBe(202);
    const { id: importId } = (await upload.json()) as { id: string };
    await eventually(
      async () => (await api<{ status: string }>(`/v1/crm/imports/${importId}`)).body.status,
      (status) => status === 'completed',
    );

    // A query that fails in PostgreSQL, its parameters full of personal data.
    const refused = await api('/v1/crm/contacts', { body: REFUSED });
    expect(refused.status).toBeGreaterThanOrEqual(400);

    // Keys: one made and used, one unknown.
    const made = await api<{ key: string }>('/v1/admin/api-keys', {
      body: { name: 'logged-nowhere', scopes: ['glossary:read'] },
    });
    expect((await api('/v1/glossary/terms/sales-champion', { key: made.body.key })).status).toBe(
      200,
    );
    expect((await api('/v1/glossary/terms/sales-champion', { key: UNKNOWN_KEY })).status).toBe(401);

    // A pixel opened on the API port and on the pixel listener, from two client addresses.
    const campaign = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name: 'Logs', subject: 'Logs' },
    });
    const messages = await api<{ messages: { pixelUrl: string }[] }>(
      `/v1/email/campaigns/${campaign.body.id}/messages`,
      { body: { messages: [{ email: RECIPIENT, contactId: created.body.id }] } },
    );
    const path = pixelPath(messages.body.messages[0].pixelUrl);
    const token = path.slice('/t/o/'.length, -'.gif'.length);
    const userAgent =
      'Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0';
    for (const [base, ip] of [
      [gateway.url, CLIENT_IPS[0]],
      [`http://127.0.0.1:${pixelPort}`, CLIENT_IPS[1]],
    ])
      expect(await get(`${base}${path}`, { 'user-agent': userAgent, 'x-forwarded-for': ip })).toBe(
        200,
      );
    await eventually(
      async () =>
        (await api<{ totalOpens: number }>(`/v1/email/campaigns/${campaign.body.id}/stats`)).body
          .totalOpens,
      (opens) => opens >= 2,
    );

    await apps.stopAll();
    const logs = new Map(apps.apps.map((app) => [app.name, app.logs()]));
    // The logs are there, at trace level: requests, the failed insert with its SQLSTATE.
    expect(logs.get('gateway')).toContain('"msg":"request completed"');
    expect(logs.get('gateway')).toContain('"url":"/v1/crm/contacts?email=[redacted]"');
    expect(logs.get('crm-enrichment')).toMatch(/"level":"error".*"code":"23514"/);
    expect(logs.get('crm-enrichment')).toContain(`"constraint":"${CHECK}"`);

    const secrets = [
      ...[CREATED, IMPORTED, REFUSED].flatMap((person) => Object.values(person)),
      ...PHONES_E164,
      encodeURIComponent(CREATED.email),
      RECIPIENT,
      run.adminKey,
      made.body.key,
      UNKNOWN_KEY,
      token,
      ...CLIENT_IPS,
    ];
    const leaks = [...logs].flatMap(([app, text]) =>
      secrets.filter((secret) => text.includes(secret)).map((secret) => `${app}: ${secret}`),
    );
    expect(leaks).toEqual([]);
  });
});
