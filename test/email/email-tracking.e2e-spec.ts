import { randomUUID } from 'node:crypto';
import { NatsConnection } from 'nats';
import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';
import { connectNats, fetchPixel, pixelPath, USER_AGENTS, withDatabase } from './support';
import { readRunStream } from '../support/streams';
import { eventually } from '../support/eventually';

interface CreatedMessages {
  campaignId: string;
  messages: { id: string; email: string; pixelUrl: string }[];
}
interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
  definition: string;
}
interface Stats {
  sent: number;
  delivered: number;
  bounced: number;
  complaints: number;
  totalOpens: number;
  uniqueOpens: number;
  uniqueHumanOpens: number;
  opensByClassification: Record<string, number>;
  openRate: Rate;
  humanOpenRate: Rate;
  timeToFirstOpen: { medianSeconds: number | null; p90Seconds: number | null; samples: number };
  series: { buckets: { granularity: string; opens: number; humanOpens: number }[] };
  definitions: Record<string, string>;
}
interface Engagement {
  totalOpens: number;
  uniqueOpens: number;
  uniqueHumanOpens: number;
  doNotTrack: boolean;
  recentOpens: { classification: string; reason: string; uaFamily: string | null }[];
}

const KEY_1 = Buffer.alloc(32, 1).toString('base64');
const KEY_2 = Buffer.alloc(32, 2).toString('base64');
const PUBLIC_BASE_URL = 'https://t.example.test';
const LEAD_ADA = '6a1f7d0e-8b2c-4d3e-9f40-5a6b7c8d9e01';
const LEAD_1 = '6a1f7d0e-8b2c-4d3e-9f40-5a6b7c8d9e02';
const LEAD_3 = '6a1f7d0e-8b2c-4d3e-9f40-5a6b7c8d9e03';
const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

describe('email open tracking: campaigns → signed pixel → classified opens → stats', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let emailTracking: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let nc: NatsConnection;

  const startApps = async (keys: string, activeKeyId: string) => {
    const env = { PIXEL_SIGNING_KEYS: keys, PIXEL_SIGNING_KEY_ID: activeKeyId, PUBLIC_BASE_URL };
    emailTracking = await apps.start('email-tracking', { env });
    gateway = await apps.start('gateway', { env });
    api = apiClient(gateway.url);
  };

  beforeAll(async () => {
    nc = await connectNats();
    await startApps(`k1:${KEY_1}`, 'k1');
  });
  afterAll(async () => {
    await apps.stopAll();
    await nc.close();
  });

  const createCampaign = async (name: string) => {
    const response = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name, subject: `${name} subject` },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const addMessages = async (campaignId: string, messages: object[]) => {
    const response = await api<CreatedMessages>(`/v1/email/campaigns/${campaignId}/messages`, {
      body: { messages },
    });
    expect(response.status).toBe(201);
    return response.body.messages;
  };
  const open = (pixelUrl: string, userAgent: string, ip: string) =>
    fetchPixel(gateway.url, pixelPath(pixelUrl), {
      'user-agent': userAgent,
      'x-forwarded-for': ip,
    });
  const stats = async (campaignId: string) =>
    (await api<Stats>(`/v1/email/campaigns/${campaignId}/stats`)).body;
  const statsWhen = (campaignId: string, totalOpens: number) =>
    eventually(
      () => stats(campaignId),
      (s) => s.totalOpens >= totalOpens,
    );

  describe('campaigns, messages, render and delivery events', () => {
    it('creates a campaign and messages with absolute signed pixel URLs on the public base URL', async () => {
      const campaignId = await createCampaign('Launch');
      const messages = await addMessages(campaignId, [
        { email: 'ada@example.com', contactId: 'c-ada', leadId: LEAD_ADA },
        { email: 'bob@example.com' },
      ]);
      expect(messages).toHaveLength(2);
      for (const message of messages) {
        expect(message.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(message.pixelUrl).toMatch(/^https:\/\/t\.example\.test\/t\/o\/[A-Za-z0-9_-]+\.gif$/);
      }
      const stored = await api(`/v1/email/messages/${messages[0].id}`);
      expect(stored.body).toMatchObject({
        campaignId,
        email: 'ada@example.com',
        contactId: 'c-ada',
        leadId: LEAD_ADA,
        status: 'sent',
      });
    });

    it('stores a batch of 2,500 messages in slices and returns every pixel', async () => {
      const campaignId = await createCampaign('Big');
      const batch = Array.from({ length: 2500 }, (_, i) => ({ email: `p${i}@example.com` }));
      const messages = await addMessages(campaignId, batch);
      expect(messages.map((m) => m.email)).toEqual(batch.map((m) => m.email));
      expect(new Set(messages.map((m) => m.id)).size).toBe(2500);
      expect((await stats(campaignId)).sent).toBe(2500);
    });

    it('refuses bad input with 400 naming the fields, writing nothing, and unknown campaigns with 404', async () => {
      const campaignId = await createCampaign('Strict');
      const bad = await api(`/v1/email/campaigns/${campaignId}/messages`, {
        body: {
          messages: [{ email: 'ok@example.com' }, { email: 'nope', extra: 1, leadId: 'lead-7' }],
        },
      });
      expect(bad.status).toBe(400);
      const fields = (bad.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['messages.1.email', 'messages.1.extra', 'messages.1.leadId']);
      expect((await stats(campaignId)).sent).toBe(0);
      const tooMany = await api(`/v1/email/campaigns/${campaignId}/messages`, {
        body: { messages: Array.from({ length: 10_001 }, () => ({ email: 'a@b.co' })) },
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.detail).toContain('messages');
      const unknown = await api(`/v1/email/campaigns/${randomUUID()}/messages`, {
        body: { messages: [{ email: 'ok@example.com' }] },
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ code: 'EMAIL_CAMPAIGN_NOT_FOUND' });
      expect((await api('/v1/email/campaigns', { body: { name: '' } })).status).toBe(400);
      expect((await api('/v1/email/campaigns/not-a-uuid/stats')).status).toBe(400);
    });

    it('renders the pixel before </body>, and 404s an unknown message', async () => {
      const campaignId = await createCampaign('Render');
      const [message] = await addMessages(campaignId, [{ email: 'r@example.com' }]);
      const rendered = await api<{ html: string; pixelUrl: string }>('/v1/email/render', {
        body: { messageId: message.id, html: '<html><body><p>Hi</p></BODY></html>' },
      });
      expect(rendered.status).toBe(200);
      expect(rendered.body.pixelUrl).toBe(message.pixelUrl);
      expect(rendered.body.html).toBe(
        `<html><body><p>Hi</p><img src="${message.pixelUrl}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px" /></BODY></html>`,
      );
      const unknown = await api('/v1/email/render', {
        body: { messageId: randomUUID(), html: '<body></body>' },
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ code: 'EMAIL_MESSAGE_NOT_FOUND' });
    });

    it('keeps the good rows of a delivery batch and reports the bad ones; 422 when none is good', async () => {
      const campaignId = await createCampaign('Delivery');
      const [a, b, c] = await addMessages(campaignId, [
        { email: 'a@example.com' },
        { email: 'b@example.com' },
        { email: 'c@example.com' },
      ]);
      const unknownId = randomUUID();
      const response = await api<{ accepted: number; rejected: object[] }>('/v1/email/events', {
        body: {
          events: [
            { messageId: a.id, type: 'delivered', occurredAt: secondsAgo(60) },
            { messageId: b.id, type: 'hard_bounce' },
            { messageId: unknownId, type: 'delivered' },
            { messageId: c.id, type: 'opened' },
            { messageId: c.id, type: 'soft_bounce', color: 'red' },
            { messageId: b.id, type: 'delivered' },
          ],
        },
      });
      expect(response.status).toBe(200);
      expect(response.body.accepted).toBe(3);
      expect(response.body.rejected).toEqual([
        { index: 2, field: 'events.2.messageId', reason: 'no message has this id' },
        {
          index: 3,
          field: 'events.3.type',
          reason: expect.stringContaining('type must be one of'),
        },
        { index: 4, field: 'events.4.color', reason: 'property events.4.color is not allowed' },
      ]);
      expect((await api(`/v1/email/messages/${b.id}`)).body.status).toBe('hard_bounce');
      expect((await api(`/v1/email/messages/${c.id}`)).body.status).toBe('sent');
      expect(await stats(campaignId)).toMatchObject({ sent: 3, bounced: 1, delivered: 2 });

      const allBad = await api('/v1/email/events', {
        body: { events: [{ messageId: unknownId, type: 'delivered' }, { nope: true }] },
      });
      expect(allBad.status).toBe(422);
      expect(allBad.body).toMatchObject({ code: 'EMAIL_DELIVERY_EVENTS_REJECTED' });
      expect((await api('/v1/email/events', { body: { events: [] } })).status).toBe(400);
      expect((await api('/v1/email/events', { body: { events: 'x' } })).status).toBe(400);
    });
  });

  describe('the pixel', () => {
    let campaignId: string;
    let pixelUrl: string;

    beforeAll(async () => {
      campaignId = await createCampaign('Pixel');
      [{ pixelUrl }] = await addMessages(campaignId, [{ email: 'p@example.com' }]);
    });

    const expectGif = (response: { status: number; headers: Headers; body: Buffer }) => {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/gif');
      expect(response.headers.get('cache-control')).toBe('no-store, private');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(response.body).toHaveLength(43);
      expect(response.body.subarray(0, 6).toString()).toBe('GIF89a');
    };

    it('answers the GIF without an API key, and records the hit', async () => {
      expectGif(await open(pixelUrl, USER_AGENTS.outlook, '198.51.100.7'));
      const s = await statsWhen(campaignId, 1);
      expect(s.totalOpens).toBe(1);
    });

    it('answers the same GIF for forged, truncated, garbage and non-.gif tokens, recording nothing', async () => {
      const token = pixelPath(pixelUrl).slice('/t/o/'.length, -'.gif'.length);
      const forged = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
      for (const path of [
        `/t/o/${forged}.gif`,
        `/t/o/${token.slice(0, -3)}.gif`,
        `/t/o/${'x'.repeat(3000)}.gif`,
        '/t/o/%E2%98%83.gif',
        `/t/o/${token}.png`,
        `/t/o/${token}`,
      ]) {
        expectGif(await fetchPixel(gateway.url, path));
      }
      const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
      expect(metrics).toMatch(
        /email_pixel_requests_total\{outcome="invalid_token:bad_signature"\} [1-9]/,
      );
      expect(metrics).toMatch(
        /email_pixel_requests_total\{outcome="invalid_token:malformed"\} [1-9]/,
      );
      expect(metrics).toMatch(/email_pixel_requests_total\{outcome="not_gif"\} [1-9]/);
    });

    it('does not count HEAD requests or announced prefetches, and survives a huge user agent', async () => {
      const head = await fetchPixel(gateway.url, pixelPath(pixelUrl), {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers.get('cache-control')).toBe('no-store, private');
      expectGif(await fetchPixel(gateway.url, pixelPath(pixelUrl), { purpose: 'prefetch' }));
      expectGif(await fetchPixel(gateway.url, pixelPath(pixelUrl), { 'sec-purpose': 'prefetch' }));
      expectGif(
        await fetchPixel(gateway.url, pixelPath(pixelUrl), {
          'user-agent': `Mozilla/5.0 ${'x'.repeat(7000)}`,
        }),
      );
      const s = await statsWhen(campaignId, 2);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await stats(campaignId)).totalOpens).toBe(2);
      expect(s.uniqueOpens).toBe(1);
      const stored = await withDatabase((db) =>
        db.query(
          `SELECT ua_family FROM email.opens o JOIN email.messages m ON m.id = o.message_id WHERE m.campaign_id = $1`,
          [campaignId],
        ),
      );
      // isbot judges the 512-character remainder of the huge agent a bot.
      expect(stored.rows.map((row) => row.ua_family).sort()).toEqual(['Outlook', 'bot']);
    });

    it('counts a flood of hits on one message exactly', async () => {
      const flood = await createCampaign('Flood');
      const [message] = await addMessages(flood, [{ email: 'f@example.com' }]);
      const responses = await Promise.all(
        Array.from({ length: 300 }, () =>
          open(message.pixelUrl, USER_AGENTS.thunderbird, '192.0.2.1'),
        ),
      );
      expect(responses.every((r) => r.status === 200)).toBe(true);
      const s = await statsWhen(flood, 300);
      expect(s).toMatchObject({ totalOpens: 300, uniqueOpens: 1 });
    });
  });

  describe('classification, stats and email.opened', () => {
    let campaignId: string;
    let messages: CreatedMessages['messages'];

    beforeAll(async () => {
      campaignId = await createCampaign('Classified');
      messages = await addMessages(campaignId, [
        { email: 'm1@example.com', contactId: 'c-1', leadId: LEAD_1 },
        { email: 'm2@example.com', contactId: 'c-2' },
        { email: 'm3@example.com', contactId: 'c-3', leadId: LEAD_3 },
        { email: 'm4@example.com', contactId: 'c-4' },
        { email: 'm5@example.com', contactId: 'c-5' },
      ]);
      const [m1, m2, m3, m4, m5] = messages;
      const events = await api('/v1/email/events', {
        body: {
          events: [
            { messageId: m1.id, type: 'delivered', occurredAt: secondsAgo(7200) },
            { messageId: m2.id, type: 'delivered', occurredAt: secondsAgo(3600) },
            { messageId: m3.id, type: 'delivered', occurredAt: secondsAgo(3600) },
            { messageId: m4.id, type: 'delivered', occurredAt: secondsAgo(3600) },
            { messageId: m5.id, type: 'hard_bounce' },
          ],
        },
      });
      expect(events.body).toMatchObject({ accepted: 5, rejected: [] });
      for (const [message, ua, ip] of [
        [m1, USER_AGENTS.thunderbird, '203.0.113.10'],
        [m1, USER_AGENTS.thunderbird, '203.0.113.10'],
        [m2, USER_AGENTS.appleMail, '17.58.1.1'],
        [m2, USER_AGENTS.curl, '198.51.100.20'],
        [m3, USER_AGENTS.gmailProxy, '66.249.84.10'],
        [m4, USER_AGENTS.mimecast, '205.139.110.5'],
      ] as const) {
        expect((await open(message.pixelUrl, ua, ip)).status).toBe(200);
      }
      await statsWhen(campaignId, 6);
    });

    it('reports every figure as hand-computed, each rate with its definition', async () => {
      const s = await stats(campaignId);
      // 5 sent, 1 hard bounce → 4 delivered; opened: m1 (human ×2), m2 (apple_mpp, bot), m3 (human via proxy), m4 (scanner)
      expect(s).toMatchObject({
        sent: 5,
        delivered: 4,
        bounced: 1,
        complaints: 0,
        totalOpens: 6,
        uniqueOpens: 4,
        uniqueHumanOpens: 2,
        opensByClassification: {
          human: 3,
          'machine:apple_mpp': 1,
          'machine:proxy_prefetch': 0,
          'machine:scanner': 1,
          'machine:bot': 1,
        },
        openRate: {
          value: 1,
          numerator: 4,
          denominator: 4,
          definition: 'unique opens ÷ delivered',
        },
        humanOpenRate: {
          value: 0.5,
          numerator: 2,
          denominator: 4,
          definition: 'unique human opens ÷ delivered',
        },
      });
      // First human opens: m1 ≈ 7200 s and m3 ≈ 3600 s after delivery → median 3600, p90 7200.
      expect(s.timeToFirstOpen.samples).toBe(2);
      expect(s.timeToFirstOpen.medianSeconds).toBeGreaterThanOrEqual(3600);
      expect(s.timeToFirstOpen.medianSeconds).toBeLessThan(3660);
      expect(s.timeToFirstOpen.p90Seconds).toBeGreaterThanOrEqual(7200);
      expect(s.timeToFirstOpen.p90Seconds).toBeLessThan(7260);
      const hourly = s.series.buckets.filter((b) => b.granularity === 'hour');
      expect(hourly.reduce((sum, b) => sum + b.opens, 0)).toBe(6);
      expect(hourly.reduce((sum, b) => sum + b.humanOpens, 0)).toBe(3);
      expect(s.definitions.delivered).toContain('sent − bounced');
    });

    it('keeps only a truncated IP and a UA family, with the reason of each verdict', async () => {
      const rows = await withDatabase(async (db) => {
        const columns = await db.query(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'email' AND table_name = 'opens'`,
        );
        expect(columns.rows.map((c) => c.column_name)).not.toEqual(
          expect.arrayContaining(['ip', 'user_agent']),
        );
        return (
          await db.query(
            `SELECT classification, reason, ip_prefix, ua_family FROM email.opens WHERE campaign_id = $1`,
            [campaignId],
          )
        ).rows as { ua_family: string }[];
      });
      // By UA family: hits of different networks are recorded by their partitions in parallel, and
      // two hits of one loaded millisecond have no order of their own.
      rows.sort((a, b) => (a.ua_family < b.ua_family ? -1 : a.ua_family > b.ua_family ? 1 : 0));
      expect(rows).toEqual([
        {
          classification: 'machine:apple_mpp',
          reason: expect.stringContaining('Apple network'),
          ip_prefix: '17.58.1.0/24',
          ua_family: 'Apple Mail',
        },
        {
          classification: 'human',
          reason: 'image proxy fetching for a reader',
          ip_prefix: '66.249.84.0/24',
          ua_family: 'Gmail image proxy',
        },
        {
          classification: 'human',
          reason: 'mail client user agent, no machine signal',
          ip_prefix: '203.0.113.0/24',
          ua_family: 'Thunderbird',
        },
        {
          classification: 'human',
          reason: 'mail client user agent, no machine signal',
          ip_prefix: '203.0.113.0/24',
          ua_family: 'Thunderbird',
        },
        {
          classification: 'machine:bot',
          reason: 'bot user agent (isbot)',
          ip_prefix: '198.51.100.0/24',
          ua_family: 'curl',
        },
        {
          classification: 'machine:scanner',
          reason: 'known security scanner user agent',
          ip_prefix: '205.139.110.0/24',
          ua_family: 'security scanner',
        },
      ]);
    });

    it('emits email.opened once per message, for first human opens only', async () => {
      const [m1, , m3] = messages;
      const events = await eventually(
        async () =>
          (await readRunStream(nc, 'EMAIL_EVENTS', 'email.opened'))
            .map((m) => m.json<Record<string, unknown>>())
            .filter((event) => event.campaignId === campaignId),
        (found) => found.length >= 2,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const settled = (await readRunStream(nc, 'EMAIL_EVENTS', 'email.opened'))
        .map((m) => m.json<Record<string, unknown>>())
        .filter((event) => event.campaignId === campaignId);
      expect(settled).toHaveLength(2);
      expect(events.map((e) => e.messageId).sort()).toEqual([m1.id, m3.id].sort());
      expect(settled.find((e) => e.messageId === m1.id)).toMatchObject({
        campaignId,
        contactId: 'c-1',
        leadId: LEAD_1,
        classification: 'human',
        openedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    });

    it('counts a redelivered hit once (idempotent aggregation)', async () => {
      const run = e2eRun();
      const hit = {
        hitId: randomUUID(),
        messageId: messages[0].id,
        at: new Date().toISOString(),
        userAgent: USER_AGENTS.thunderbird,
        ip: '203.0.113.10',
      };
      const js = nc.jetstream();
      // Two messages carrying the same hit (as after a redelivery): only the consumer can dedupe.
      for (const batchId of [randomUUID(), randomUUID()])
        await js.publish(
          `${run.subjectPrefix}email.pixel.hits`,
          JSON.stringify({ batchId, hits: [hit, hit] }),
          { msgID: batchId },
        );
      await statsWhen(campaignId, 7);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await stats(campaignId)).toMatchObject({ totalOpens: 7, uniqueHumanOpens: 2 });
    });

    it('shows per-contact engagement', async () => {
      const c1 = (await api<Engagement>('/v1/email/contacts/c-1/engagement')).body;
      expect(c1).toMatchObject({
        totalOpens: 3,
        uniqueOpens: 1,
        uniqueHumanOpens: 1,
        doNotTrack: false,
      });
      expect(c1.recentOpens[0]).toMatchObject({ classification: 'human', uaFamily: 'Thunderbird' });
      const c2 = (await api<Engagement>('/v1/email/contacts/c-2/engagement')).body;
      expect(c2).toMatchObject({ totalOpens: 2, uniqueOpens: 1, uniqueHumanOpens: 0 });
      const nobody = (await api<Engagement>('/v1/email/contacts/nobody/engagement')).body;
      expect(nobody).toMatchObject({ totalOpens: 0, uniqueOpens: 0 });
      expect((await api('/v1/email/contacts/bad%20id/engagement')).status).toBe(400);
    });

    it("erases a contact's open history, and the campaign figures drop by exactly that", async () => {
      const erased = await api('/v1/email/contacts/c-1/tracking-data', { method: 'DELETE' });
      expect(erased.status).toBe(200);
      expect(erased.body).toEqual({ contactId: 'c-1', erasedOpens: 3, erasedClicks: 0 });
      expect((await api<Engagement>('/v1/email/contacts/c-1/engagement')).body).toMatchObject({
        totalOpens: 0,
        recentOpens: [],
      });
      expect(await stats(campaignId)).toMatchObject({
        totalOpens: 4,
        uniqueOpens: 3,
        uniqueHumanOpens: 1,
        timeToFirstOpen: { samples: 1 },
      });
    });
  });

  describe('consent', () => {
    let campaignId: string;
    let messages: CreatedMessages['messages'];

    beforeAll(async () => {
      campaignId = await createCampaign('Consent');
      messages = await addMessages(campaignId, [
        { email: 'dnt@example.com', contactId: 'c-dnt' },
        { email: 'anon@example.com', contactId: 'c-anon' },
        { email: 'off@example.com', contactId: 'c-off' },
        { email: 'marker@example.com' },
      ]);
    });
    afterAll(async () => {
      await api('/v1/email/consent', { method: 'PUT', body: { mode: 'individual' } });
    });

    it('stores nothing about a do-not-track contact, while the pixel still answers', async () => {
      const set = await api('/v1/email/contacts/c-dnt/tracking', {
        method: 'PUT',
        body: { doNotTrack: true },
      });
      expect(set.body).toEqual({ contactId: 'c-dnt', doNotTrack: true });
      expect(
        (await open(messages[0].pixelUrl, USER_AGENTS.thunderbird, '203.0.113.1')).status,
      ).toBe(200);
      // A later hit on another message proves the first one was consumed.
      await open(messages[3].pixelUrl, USER_AGENTS.thunderbird, '203.0.113.2');
      await statsWhen(campaignId, 1);
      expect(await stats(campaignId)).toMatchObject({ totalOpens: 1, uniqueOpens: 1 });
      expect((await api<Engagement>('/v1/email/contacts/c-dnt/engagement')).body).toMatchObject({
        doNotTrack: true,
        totalOpens: 0,
      });
      const bad = await api('/v1/email/contacts/c-dnt/tracking', {
        method: 'PUT',
        body: { doNotTrack: 'yes' },
      });
      expect(bad.status).toBe(400);
    });

    it('in anonymous mode counts opens without any personal detail or event', async () => {
      const mode = await api('/v1/email/consent', { method: 'PUT', body: { mode: 'anonymous' } });
      expect(mode.body).toMatchObject({ mode: 'anonymous' });
      expect((await api('/v1/email/consent')).body).toMatchObject({ mode: 'anonymous' });
      await open(messages[1].pixelUrl, USER_AGENTS.thunderbird, '203.0.113.3');
      await statsWhen(campaignId, 2);
      expect(await stats(campaignId)).toMatchObject({ totalOpens: 2, uniqueHumanOpens: 2 });
      const [row] = await withDatabase(
        async (db) =>
          (
            await db.query(
              `SELECT contact_id, ip_prefix, ua_family FROM email.opens WHERE message_id = $1`,
              [messages[1].id],
            )
          ).rows,
      );
      expect(row).toEqual({ contact_id: null, ip_prefix: null, ua_family: null });
      expect((await api<Engagement>('/v1/email/contacts/c-anon/engagement')).body.totalOpens).toBe(
        0,
      );
      const events = (await readRunStream(nc, 'EMAIL_EVENTS', 'email.opened')).map((m) =>
        m.json<{ messageId: string }>(),
      );
      expect(events.map((e) => e.messageId)).not.toContain(messages[1].id);
    });

    it('with tracking off records nothing', async () => {
      await api('/v1/email/consent', { method: 'PUT', body: { mode: 'off' } });
      expect(
        (await open(messages[2].pixelUrl, USER_AGENTS.thunderbird, '203.0.113.4')).status,
      ).toBe(200);
      // The mode applies when the hit is consumed: wait for that before switching back.
      await eventually(
        async () => (await fetch(`${emailTracking.url}/metrics`)).text(),
        (metrics) => /email_hits_not_recorded_total\{reason="tracking_off"\} 1/.test(metrics),
      );
      await api('/v1/email/consent', { method: 'PUT', body: { mode: 'individual' } });
      await open(messages[3].pixelUrl, USER_AGENTS.thunderbird, '203.0.113.5');
      await statsWhen(campaignId, 3);
      expect(await stats(campaignId)).toMatchObject({ totalOpens: 3, uniqueOpens: 2 });
      expect(
        (await api('/v1/email/consent', { method: 'PUT', body: { mode: 'maybe' } })).status,
      ).toBe(400);
    });
  });

  describe('key rotation', () => {
    it('keeps counting old tokens while their key is configured, and ignores them once it is retired', async () => {
      const campaignId = await createCampaign('Rotation');
      const [old] = await addMessages(campaignId, [{ email: 'old@example.com' }]);
      await apps.stopAll();
      apps.apps.length = 0;
      await startApps(`k1:${KEY_1},k2:${KEY_2}`, 'k2');
      const [fresh] = await addMessages(campaignId, [{ email: 'new@example.com' }]);
      expect(pixelPath(fresh.pixelUrl)).not.toBe(pixelPath(old.pixelUrl));
      await open(old.pixelUrl, USER_AGENTS.thunderbird, '203.0.113.9');
      await open(fresh.pixelUrl, USER_AGENTS.thunderbird, '203.0.113.9');
      await statsWhen(campaignId, 2);

      await apps.stopAll();
      apps.apps.length = 0;
      await startApps(`k2:${KEY_2}`, 'k2');
      expect((await open(old.pixelUrl, USER_AGENTS.thunderbird, '203.0.113.9')).status).toBe(200);
      await open(fresh.pixelUrl, USER_AGENTS.thunderbird, '203.0.113.9');
      await statsWhen(campaignId, 3);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await stats(campaignId)).toMatchObject({ totalOpens: 3, uniqueOpens: 2 });
      const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
      expect(metrics).toMatch(
        /email_pixel_requests_total\{outcome="invalid_token:unknown_key"\} 1/,
      );
    });
  });
});
