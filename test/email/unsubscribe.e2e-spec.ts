import { randomUUID } from 'node:crypto';
import { NatsConnection } from 'nats';
import { AppSet, freePort, RunningApp } from '../support/apps';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';
import { readRunStream } from '../support/streams';
import { putModel } from '../leads/lead-funnel.harness';
import { connectNats, withDatabase } from './support';

const KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
const PUBLIC_BASE_URL = 'https://t.unsub.example.test';
const MAILTO = 'unsubscribe@unsub.example.test';
const ONE_CLICK = 'List-Unsubscribe=One-Click';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** Unsubscribing costs 30 points and decays over ten years: exact within the test. */
const MODEL = {
  fit: [],
  engagement: [{ id: 'unsubscribed', event: 'unsubscribed', points: -30, halfLifeDays: 3650 }],
  committee: { pointsPerRole: 0, maxPoints: 0 },
  champion: { points: 0 },
  qualification: { mqlThreshold: 1000, hysteresis: 0 },
};

interface Rendered {
  html: string;
  unsubscribeUrl: string;
  tagging: { headers: Record<string, string> };
}
interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
  definition: string;
}

describe('email: one-click unsubscribe (RFC 8058) → email-tracking, CRM opt-out, lead score', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let emailTracking: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let listenerUrl: string;
  let nc: NatsConnection;
  let campaignId: string;
  let contactId: string;
  let leadId: string;
  /** ada (CRM contact, lead), bob and cy delivered, dee bounced. */
  let ids: Record<'ada' | 'bob' | 'cy' | 'dee', string>;
  let adaUrl: string;

  const unsubscribeRows = (messageId: string) =>
    withDatabase(async (db) => {
      const rows = await db.query(
        `SELECT u.unsubscribed_at, s.email FROM email.unsubscribes u
         LEFT JOIN email.suppressed_addresses s ON s.message_id = u.message_id
         WHERE u.message_id = $1`,
        [messageId],
      );
      return rows.rows as { unsubscribed_at: Date; email: string | null }[];
    });
  const unsubscribedEvents = async (messageId: string) =>
    (await readRunStream(nc, 'EMAIL_EVENTS', 'email.unsubscribed'))
      .map((message) => message.json<Record<string, unknown>>())
      .filter((event) => event.messageId === messageId);
  /** `/t/u/<token>` on the API port or the pixel listener. */
  const hit = (base: string, path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
  const pathOf = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    const env = { PIXEL_SIGNING_KEYS: KEYS, PIXEL_SIGNING_KEY_ID: 'k1', PUBLIC_BASE_URL };
    const pixelPort = await freePort();
    nc = await connectNats();
    emailTracking = await apps.start('email-tracking', {
      env: { ...env, UNSUBSCRIBE_MAILTO: MAILTO },
    });
    await apps.start('crm-enrichment');
    await apps.start('lead-funnel');
    gateway = await apps.start('gateway', {
      env: { ...env, PIXEL_HTTP_PORT: String(pixelPort), RATE_LIMIT_PER_MINUTE: '100000' },
    });
    api = apiClient(gateway.url);
    listenerUrl = `http://127.0.0.1:${pixelPort}`;
    await putModel(api, MODEL);

    const suffix = randomUUID().slice(0, 8);
    // A person said "may be contacted" (locked): the recipient's own unsubscribe still wins.
    const contact = await api<{ id: string }>('/v1/crm/contacts', {
      body: { email: `ada.${suffix}@unsub-example.com`, doNotContact: false },
    });
    expect(contact.status).toBe(201);
    contactId = contact.body.id;
    const lead = await api<{ id: string }>('/v1/leads', {
      body: { source: 'inbound', contactId },
    });
    expect(lead.status).toBe(201);
    leadId = lead.body.id;

    campaignId = (
      await api<{ id: string }>('/v1/email/campaigns', {
        body: { name: 'Unsubscribe', subject: 'News' },
      })
    ).body.id;
    const messages = await api<{ messages: { id: string }[] }>(
      `/v1/email/campaigns/${campaignId}/messages`,
      {
        body: {
          messages: [
            { email: `Ada.${suffix}@unsub-example.com`, contactId },
            { email: `bob.${suffix}@unsub-example.com` },
            { email: `cy.${suffix}@unsub-example.com` },
            { email: `dee.${suffix}@unsub-example.com` },
          ],
        },
      },
    );
    const [ada, bob, cy, dee] = messages.body.messages.map((message) => message.id);
    ids = { ada, bob, cy, dee };
    const delivered = await api('/v1/email/events', {
      body: {
        events: [
          ...[ada, bob, cy].map((messageId) => ({ messageId, type: 'delivered' })),
          { messageId: dee, type: 'hard_bounce' },
        ],
      },
    });
    expect(delivered.body).toMatchObject({ accepted: 4 });
  }, 120_000);
  afterAll(async () => {
    await apps.stopAll();
    await nc.close();
  });

  it('render returns List-Unsubscribe (URL, then the mailto) and List-Unsubscribe-Post, and fills {{unsubscribe_url}}', async () => {
    const rendered = await api<Rendered>('/v1/email/render', {
      body: {
        messageId: ids.ada,
        html: '<html><body><p>Hi</p><a href="{{ unsubscribe_url }}">Unsubscribe</a></body></html>',
      },
    });
    expect(rendered.status).toBe(200);
    adaUrl = rendered.body.unsubscribeUrl;
    expect(adaUrl).toMatch(/^https:\/\/t\.unsub\.example\.test\/t\/u\/[A-Za-z0-9_-]{40,60}$/);
    const token = adaUrl.split('/').pop()!;
    expect(rendered.body.tagging.headers).toMatchObject({
      'X-Sales-Suite-Message-Id': ids.ada,
      'List-Unsubscribe': `<${adaUrl}>, <mailto:${MAILTO}?subject=unsubscribe%20${token}>`,
      'List-Unsubscribe-Post': ONE_CLICK,
    });
    expect(rendered.body.html).toContain(`<a href="${adaUrl}">Unsubscribe</a>`);
    expect(rendered.body.html).not.toContain('unsubscribe_url');
  });

  it.each([
    ['GET', 'the API port'],
    ['HEAD', 'the API port'],
    ['GET', 'the pixel listener'],
    ['HEAD', 'the pixel listener'],
  ])(
    '%s on %s shows the confirmation page under a strict CSP and changes nothing',
    async (method, port) => {
      const base = port === 'the API port' ? gateway.url : listenerUrl;
      const response = await hit(base, pathOf(adaUrl), { method });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toMatch(
        /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/,
      );
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const body = await response.text();
      if (method === 'GET') {
        expect(body).toContain('<form method="post">');
        expect(body).toContain('name="List-Unsubscribe" value="One-Click"');
      } else expect(body).toBe('');
      expect(await unsubscribeRows(ids.ada)).toEqual([]);
    },
  );

  it('a forged, broken or pixel token gets the small 404 page on both ports, GET or POST, and records nothing', async () => {
    const token = adaUrl.split('/').pop()!;
    const flipped = `${token.slice(0, 12)}${token[12] === 'A' ? 'B' : 'A'}${token.slice(13)}`;
    const pixel = (
      await api<{ pixelUrl: string }>(`/v1/email/render`, {
        body: { messageId: ids.ada, html: '<p>x</p>' },
      })
    ).body.pixelUrl
      .split('/')
      .pop()!
      .replace(/\.gif$/, '');
    for (const bad of [flipped, token.slice(0, -3), pixel, `${token}/x`, '<script>'])
      for (const base of [gateway.url, listenerUrl])
        for (const method of ['GET', 'POST']) {
          const response = await hit(base, `/t/u/${encodeURIComponent(bad)}`, {
            method,
            headers: FORM,
            body: method === 'POST' ? ONE_CLICK : undefined,
          });
          expect({ bad, base, method, status: response.status }).toEqual({
            bad,
            base,
            method,
            status: 404,
          });
          expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
          expect(response.headers.get('location')).toBeNull();
          expect(await response.text()).not.toContain('<script>');
        }
    expect(await unsubscribeRows(ids.ada)).toEqual([]);
  });

  it('a valid link of a message that no longer exists (erased) gets the 404 page on POST', async () => {
    const campaign = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name: 'Unsubscribe, erased', subject: 'Gone' },
    });
    const created = await api<{ messages: { id: string }[] }>(
      `/v1/email/campaigns/${campaign.body.id}/messages`,
      { body: { messages: [{ email: `gone.${randomUUID().slice(0, 8)}@unsub-example.com` }] } },
    );
    const messageId = created.body.messages[0].id;
    const rendered = await api<Rendered>('/v1/email/render', {
      body: { messageId, html: '<p>x</p>' },
    });
    await withDatabase((db) => db.query(`DELETE FROM email.messages WHERE id = $1`, [messageId]));
    const response = await hit(gateway.url, pathOf(rendered.body.unsubscribeUrl), {
      method: 'POST',
      headers: FORM,
      body: ONE_CLICK,
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('This unsubscribe link is not valid.');
    expect(await unsubscribeRows(messageId)).toEqual([]);
  });

  it.each([
    ['no body', undefined, undefined],
    ['another value', FORM['content-type'], 'List-Unsubscribe=Yes'],
    ['JSON', 'application/json', '{"List-Unsubscribe":"One-Click"}'],
  ])('a POST with %s is refused (400) and records nothing', async (_case, type, body) => {
    const response = await hit(gateway.url, pathOf(adaUrl), {
      method: 'POST',
      headers: type ? { 'content-type': type } : {},
      body,
    });
    expect(response.status).toBe(400);
    expect(await unsubscribeRows(ids.ada)).toEqual([]);
  });

  it('POST List-Unsubscribe=One-Click records the unsubscribe once: 200, then 200 again on the listener as multipart, one row, one address, one event', async () => {
    const first = await hit(gateway.url, pathOf(adaUrl), {
      method: 'POST',
      headers: FORM,
      body: ONE_CLICK,
    });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('You are unsubscribed');
    const multipart = new FormData();
    multipart.append('List-Unsubscribe', 'One-Click');
    const second = await hit(listenerUrl, pathOf(adaUrl), { method: 'POST', body: multipart });
    expect(second.status).toBe(200);

    const rows = await unsubscribeRows(ids.ada);
    expect(rows).toHaveLength(1);
    expect(rows[0].email).toMatch(/^ada\.[0-9a-f]{8}@unsub-example\.com$/);
    const events = await eventually(
      () => unsubscribedEvents(ids.ada),
      (found) => found.length >= 1,
      { description: 'email.unsubscribed of ada' },
    );
    expect(events).toEqual([
      {
        messageId: ids.ada,
        campaignId,
        contactId,
        leadId: null,
        unsubscribedAt: rows[0].unsubscribed_at.toISOString(),
      },
    ]);
  });

  it('the message shows when it was unsubscribed; any message to that address shows the address unsubscribed', async () => {
    const [row] = await unsubscribeRows(ids.ada);
    expect((await api(`/v1/email/messages/${ids.ada}`)).body).toMatchObject({
      unsubscribedAt: row.unsubscribed_at.toISOString(),
      addressUnsubscribed: true,
    });
    expect((await api(`/v1/email/messages/${ids.cy}`)).body).toMatchObject({
      unsubscribedAt: null,
      addressUnsubscribed: false,
    });
    const later = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name: 'Unsubscribe, later', subject: 'More news' },
    });
    const next = await api<{ messages: { id: string; email: string }[] }>(
      `/v1/email/campaigns/${later.body.id}/messages`,
      { body: { messages: [{ email: row.email!.toUpperCase() }] } },
    );
    expect((await api(`/v1/email/messages/${next.body.messages[0].id}`)).body).toMatchObject({
      unsubscribedAt: null,
      addressUnsubscribed: true,
    });
  });

  it('CRM marks the contact opted out, with provenance email:unsubscribe, the message and its time', async () => {
    const [row] = await unsubscribeRows(ids.ada);
    const contact = await eventually(
      async () =>
        (
          await api<{
            doNotContact: boolean;
            provenance: Record<string, Record<string, unknown>>;
          }>(`/v1/crm/contacts/${contactId}`)
        ).body,
      (body) => body.doNotContact === true,
      { timeoutMs: 20_000, description: 'contact opted out' },
    );
    expect(contact.provenance.doNotContact).toMatchObject({
      value: true,
      source: 'email:unsubscribe',
      sourceRef: ids.ada,
      observedAt: row.unsubscribed_at.toISOString(),
      locked: false,
    });
    const history = await api<{ items: Record<string, unknown>[] }>(
      `/v1/crm/contacts/${contactId}/history`,
    );
    expect(JSON.stringify(history.body)).toContain('"reason":"unsubscribe"');
  });

  it("the lead's score shows the model's negative unsubscribe rule, sourced from the message", async () => {
    const score = await eventually(
      async () =>
        (
          await api<{ total: number; contributions: Record<string, unknown>[] }>(
            `/v1/leads/${leadId}/score`,
          )
        ).body,
      (body) => body.contributions.some((c) => c.rule === 'unsubscribed'),
      { timeoutMs: 20_000, description: 'unsubscribe scored' },
    );
    expect(score.total).toBe(-30);
    expect(score.contributions).toEqual([
      expect.objectContaining({ rule: 'unsubscribed', points: -30, countedPoints: -30 }),
    ]);
    const history = await api<{ events: { type: string; data: Record<string, unknown> }[] }>(
      `/v1/leads/${leadId}/history`,
    );
    expect(history.body.events.filter((e) => e.type === 'EngagementRecorded')).toEqual([
      expect.objectContaining({
        data: { type: 'unsubscribed', contactId, sourceId: ids.ada },
      }),
    ]);
  });

  it('campaign stats: unsubscribes and the unsubscribe rate (÷ delivered), exact, with definitions; engagement shows it', async () => {
    const bob = await api<Rendered>('/v1/email/render', {
      body: { messageId: ids.bob, html: '<p>x</p>' },
    });
    // Multipart on the API port too (RFC 8058 allows it).
    const multipart = new FormData();
    multipart.append('List-Unsubscribe', 'One-Click');
    const response = await hit(gateway.url, pathOf(bob.body.unsubscribeUrl), {
      method: 'POST',
      body: multipart,
    });
    expect(response.status).toBe(200);
    const stats = await api<{
      delivered: number;
      unsubscribes: number;
      unsubscribeRate: Rate;
      definitions: Record<string, string>;
    }>(`/v1/email/campaigns/${campaignId}/stats`);
    expect(stats.body.delivered).toBe(3);
    expect(stats.body.unsubscribes).toBe(2);
    expect(stats.body.unsubscribeRate).toEqual({
      value: 2 / 3,
      numerator: 2,
      denominator: 3,
      definition: 'unsubscribes ÷ delivered',
    });
    expect(stats.body.definitions.unsubscribes).toContain('one-click');
    const [row] = await unsubscribeRows(ids.ada);
    const engagement = await api(`/v1/email/contacts/${contactId}/engagement`);
    expect(engagement.body).toMatchObject({
      unsubscribes: 1,
      unsubscribedAt: row.unsubscribed_at.toISOString(),
    });
  });

  it('answers 503 with Retry-After, recording nothing, while email-tracking is away', async () => {
    const cy = await api<Rendered>('/v1/email/render', {
      body: { messageId: ids.cy, html: '<p>x</p>' },
    });
    await emailTracking.stop();
    for (const base of [gateway.url, listenerUrl]) {
      const response = await hit(base, pathOf(cy.body.unsubscribeUrl), {
        method: 'POST',
        headers: FORM,
        body: ONE_CLICK,
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
    }
    expect(await unsubscribeRows(ids.cy)).toEqual([]);
  });
});
