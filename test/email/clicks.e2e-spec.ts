import { pixelHitPartition } from '@sales-suite/contracts/core';
import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, NatsConnection } from 'nats';
import { AppSet, freePort, RunningApp } from '../support/apps';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';
import { readRunStream } from '../support/streams';
import { TcpProxy } from '../support/tcp-proxy';
import { e2eRun } from '../support/test-env';
import { createLead, putModel } from '../leads/lead-funnel.harness';
import { connectNats, fetchPixel, pixelPath, USER_AGENTS, withDatabase } from './support';

const PUBLIC_BASE_URL = 'https://t.example.test';
const LINK_A = 'https://shop.example/offer?utm=mail&x=1';
const LINK_B = 'https://shop.example/pricing';

/** Real user agents of people following links and of the machines that check them. */
const UA = {
  chrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
  mimecast: USER_AGENTS.mimecast,
  curl: USER_AGENTS.curl,
};
const HOME_IP = '198.51.100.20';

interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
  definition: string;
}
interface Stats {
  delivered: number;
  totalOpens: number;
  uniqueHumanOpens: number;
  impliedOpens: number;
  totalClicks: number;
  uniqueClicks: number;
  uniqueHumanClicks: number;
  clicksByClassification: Record<string, number>;
  clickThroughRate: Rate;
  clickToOpenRate: Rate;
  links: { url: string; totalClicks: number; uniqueClicks: number; uniqueHumanClicks: number }[];
  series: { buckets: { clicks: number; humanClicks: number }[] };
  definitions: Record<string, string>;
}

/** A render with every kind of link: two tracked, the rest left alone. */
const HTML = `<html><body>
<a href="${LINK_A.replace('&', '&amp;')}">Offer</a>
<A HREF='${LINK_B}'>Pricing</A>
<a href="mailto:sales@example.com">Mail us</a> <a href="tel:+33123456789">Call</a>
<a href="#top">Top</a> <a href="${PUBLIC_BASE_URL}/t/u/some-unsubscribe-token">Unsubscribe</a>
<!-- <a href="https://commented.example/">x</a> -->
</body></html>`;

describe('click tracking: render → signed redirect → classified clicks → stats, events, lead score', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let listener: string;
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await connectNats();
    const env = { PUBLIC_BASE_URL };
    const pixelPort = await freePort();
    await Promise.all([apps.start('email-tracking', { env }), apps.start('lead-funnel')]);
    gateway = await apps.start('gateway', { env: { ...env, PIXEL_HTTP_PORT: String(pixelPort) } });
    api = apiClient(gateway.url);
    listener = `http://127.0.0.1:${pixelPort}`;
  });
  afterAll(async () => {
    await apps.stopAll();
    await nc.close();
  });

  const createCampaign = async () => {
    const response = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name: `clicks ${randomUUID()}`, subject: 'Offer' },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const addMessages = async (campaignId: string, messages: object[]) => {
    const response = await api<{ messages: { id: string; pixelUrl: string }[] }>(
      `/v1/email/campaigns/${campaignId}/messages`,
      { body: { messages } },
    );
    expect(response.status).toBe(201);
    return response.body.messages;
  };
  const deliver = async (messageId: string, occurredAt: string) => {
    const response = await api('/v1/email/events', {
      body: { events: [{ messageId, type: 'delivered', occurredAt }] },
    });
    expect(response.status).toBe(200);
  };
  /** The message's tracked links, by original URL, from a real render. */
  const render = async (messageId: string) => {
    const response = await api<{ html: string; trackedLinks: number }>('/v1/email/render', {
      body: { messageId, html: HTML },
    });
    expect(response.status).toBe(200);
    const hrefs = [
      ...response.body.html.matchAll(/href="(https:\/\/t\.example\.test\/t\/c\/[^"]+)"/gi),
    ];
    expect(hrefs).toHaveLength(2);
    return { html: response.body.html, a: pathOf(hrefs[0][1]), b: pathOf(hrefs[1][1]) };
  };
  const pathOf = (url: string) => new URL(url).pathname;
  const click = (
    path: string,
    userAgent: string,
    ip = HOME_IP,
    method = 'GET',
    base = gateway.url,
  ) =>
    fetch(`${base}${path}`, {
      method,
      redirect: 'manual',
      headers: { 'user-agent': userAgent, 'x-forwarded-for': ip },
    });
  const stats = async (campaignId: string) =>
    (await api<Stats>(`/v1/email/campaigns/${campaignId}/stats`)).body;

  it('render rewrites http(s) links only, to signed /t/c/ URLs on the public base URL', async () => {
    const campaignId = await createCampaign();
    const [message] = await addMessages(campaignId, [{ email: 'render@example.com' }]);
    const response = await api<{ html: string; trackedLinks: number }>('/v1/email/render', {
      body: { messageId: message.id, html: HTML },
    });
    expect(response.body.trackedLinks).toBe(2);
    const html = response.body.html;
    expect(html).not.toContain('shop.example');
    for (const kept of [
      'href="mailto:sales@example.com"',
      'href="tel:+33123456789"',
      'href="#top"',
      `href="${PUBLIC_BASE_URL}/t/u/some-unsubscribe-token"`,
      '<a href="https://commented.example/">',
    ])
      expect(html).toContain(kept);
    expect(html).toContain(message.pixelUrl);
  });

  it('redirects with 302 to the original link on the API port and on the pixel listener, GET and HEAD', async () => {
    const campaignId = await createCampaign();
    const [message] = await addMessages(campaignId, [{ email: 'redirect@example.com' }]);
    const links = await render(message.id);
    for (const base of [gateway.url, listener]) {
      const a = await click(links.a, UA.chrome, HOME_IP, 'GET', base);
      expect(a.status).toBe(302);
      expect(a.headers.get('location')).toBe(LINK_A);
      expect(a.headers.get('cache-control')).toBe('no-store, private');
      expect(a.headers.get('referrer-policy')).toBe('no-referrer');
      const b = await click(links.b, UA.chrome, HOME_IP, 'HEAD', base);
      expect(b.status).toBe(302);
      expect(b.headers.get('location')).toBe(LINK_B);
    }
    // every accepted request is recorded: 2 GET + 2 HEAD
    const settled = await eventually(
      () => stats(campaignId),
      (s) => s.totalClicks === 4,
    );
    expect(settled.clicksByClassification['machine:scanner']).toBeGreaterThanOrEqual(2); // HEADs
  });

  it('answers a forged, broken or pixel token with a small 404 page and never a Location', async () => {
    const campaignId = await createCampaign();
    const [message] = await addMessages(campaignId, [{ email: 'forged@example.com' }]);
    const { a } = await render(message.id);
    const token = a.slice('/t/c/'.length);
    const swapped = `${token.slice(0, 30)}${token[30] === 'A' ? 'B' : 'A'}${token.slice(31)}`;
    const pixelToken = pixelPath(message.pixelUrl).slice('/t/o/'.length, -'.gif'.length);
    for (const base of [gateway.url, listener])
      for (const path of [
        `/t/c/${swapped}`,
        `/t/c/${token.slice(0, 40)}`,
        `/t/c/${pixelToken}`,
        '/t/c/',
        `/t/c/${'A'.repeat(4000)}`,
        '/t/c/https%3A%2F%2Fevil.example%2F',
      ]) {
        const response = await click(path, UA.chrome, HOME_IP, 'GET', base);
        expect(response.status).toBe(404);
        expect(response.headers.get('location')).toBeNull();
        expect(response.headers.get('content-type')).toContain('text/html');
        expect(await response.text()).toContain('not valid or has expired');
      }
  });

  it('classifies real clicks, implies opens, and gives exact stats, events and a lead score with the click', async () => {
    await putModel(api, {
      fit: [],
      engagement: [
        { id: 'email-open', event: 'email_opened', points: 3, halfLifeDays: 3650 },
        { id: 'email-click', event: 'email_clicked', points: 5, halfLifeDays: 3650 },
      ],
      committee: { pointsPerRole: 0, maxPoints: 0 },
      champion: { points: 0 },
      qualification: { mqlThreshold: 1000, hysteresis: 0 },
    });
    const contactId = `c-click-${randomUUID()}`;
    const lead = await createLead(api, { source: 'outbound', contactId });
    const campaignId = await createCampaign();
    const [m1, m2, m3, m4, m5] = await addMessages(campaignId, [
      { email: 'm1@example.com', contactId, leadId: lead.id },
      { email: 'm2@example.com', contactId: `c-click-${randomUUID()}` },
      { email: 'm3@example.com' },
      { email: 'm4@example.com' },
      { email: 'm5@example.com' },
    ]);
    const anHourAgo = new Date(Date.now() - 3600_000).toISOString();
    for (const m of [m1, m2, m3, m4]) await deliver(m.id, anHourAgo);
    await deliver(m5.id, new Date().toISOString());
    const [l1, l2, l3, l4, l5] = await Promise.all([m1, m2, m3, m4, m5].map((m) => render(m.id)));

    // m2 is opened (pixel) by a person first; m1 is never opened: its click implies the open.
    await fetchPixel(gateway.url, pixelPath(m2.pixelUrl), {
      'user-agent': USER_AGENTS.thunderbird,
      'x-forwarded-for': HOME_IP,
    });
    await eventually(
      () => stats(campaignId),
      (s) => s.totalOpens === 1,
    );
    expect((await click(l1.a, UA.chrome)).status).toBe(302); // human
    expect((await click(l2.a, UA.safariIphone, '2001:db8:5::9')).status).toBe(302); // human
    await click(l3.a, UA.mimecast); // scanner: agent
    await click(l3.b, UA.chrome, '40.107.22.91'); // scanner: Microsoft Safe Links network
    await click(l3.a, UA.chrome, HOME_IP, 'HEAD'); // scanner: HEAD
    await click(l4.a, UA.curl); // bot
    await Promise.all([click(l4.a, UA.chrome, '192.0.2.7'), click(l4.b, UA.chrome, '192.0.2.7')]); // scanner: 2 links at once
    await click(l5.a, UA.chrome); // scanner: seconds after delivery

    const settled = await eventually(
      () => stats(campaignId),
      (s) => s.totalClicks === 9 && s.totalOpens === 2,
    );
    expect(settled).toMatchObject({
      delivered: 5,
      totalOpens: 2,
      uniqueHumanOpens: 2,
      impliedOpens: 1,
      totalClicks: 9,
      uniqueClicks: 5,
      uniqueHumanClicks: 2,
      clicksByClassification: { human: 2, 'machine:scanner': 6, 'machine:bot': 1 },
      clickThroughRate: { value: 0.4, numerator: 2, denominator: 5 },
      clickToOpenRate: { value: 1, numerator: 2, denominator: 2 },
      links: [
        { url: LINK_A, totalClicks: 7, uniqueClicks: 5, uniqueHumanClicks: 2 },
        { url: LINK_B, totalClicks: 2, uniqueClicks: 2, uniqueHumanClicks: 0 },
      ],
    });
    expect(settled.series.buckets.reduce((sum, b) => sum + b.clicks, 0)).toBe(9);
    expect(settled.series.buckets.reduce((sum, b) => sum + b.humanClicks, 0)).toBe(2);
    for (const figure of [
      'impliedOpens',
      'totalClicks',
      'uniqueHumanClicks',
      'clickThroughRate',
      'clickToOpenRate',
      'links',
    ])
      expect(settled.definitions[figure]).toEqual(expect.any(String));

    const reasons = await withDatabase(
      async (db) =>
        (
          await db.query<{
            message_id: string;
            classification: string;
            reason: string;
            implied_open: boolean;
          }>(
            `SELECT message_id, classification, reason, implied_open FROM email.clicks
           WHERE campaign_id = $1 ORDER BY message_id, clicked_at`,
            [campaignId],
          )
        ).rows,
    );
    const of = (id: string) => reasons.filter((row) => row.message_id === id);
    expect(of(m1.id)).toEqual([
      {
        message_id: m1.id,
        classification: 'human',
        reason: expect.stringContaining('no machine signal'),
        implied_open: true,
      },
    ]);
    expect(of(m2.id)).toMatchObject([{ classification: 'human', implied_open: false }]);
    expect(
      of(m3.id)
        .map((row) => row.reason)
        .sort(),
    ).toEqual([
      'HEAD request (link checked, not followed)',
      'fetched from Microsoft (Safe Links / Defender for Office 365) network',
      'known security scanner user agent',
    ]);
    // The two links clicked at once are both scanner clicks, whichever batch each reached first.
    expect(
      of(m4.id)
        .map(
          (row) =>
            `${row.classification}: ${row.reason.replace(/^.*links of the message/, '… links of the message')}`,
        )
        .sort(),
    ).toEqual([
      'machine:bot: bot user agent (isbot)',
      'machine:scanner: … links of the message clicked within 1 s',
      'machine:scanner: … links of the message clicked within 1 s',
    ]);
    expect(of(m5.id)).toMatchObject([
      {
        classification: 'machine:scanner',
        reason: expect.stringMatching(/^clicked \d+ s after delivery$/),
      },
    ]);

    // email.clicked for the human clicks only; m1's click also emitted its implied open.
    const clicked = (await readRunStream(nc, 'EMAIL_EVENTS', 'email.clicked'))
      .map((message) =>
        message.json<{
          campaignId: string;
          messageId: string;
          impliedOpen: boolean;
          url: string;
        }>(),
      )
      // m4's first sibling may have been sent before the second one re-judged it (documented).
      .filter((event) => event.campaignId === campaignId && event.messageId !== m4.id);
    expect(clicked.map((e) => [e.messageId, e.impliedOpen, e.url]).sort()).toEqual(
      [
        [m1.id, true, LINK_A],
        [m2.id, false, LINK_A],
      ].sort(),
    );
    const opened = (await readRunStream(nc, 'EMAIL_EVENTS', 'email.opened'))
      .map((message) => message.json<{ messageId: string; reason: string }>())
      .filter((event) => event.messageId === m1.id);
    expect(opened).toEqual([
      expect.objectContaining({ reason: expect.stringContaining('implied by a human click') }),
    ]);

    // The person's engagement shows the click; the lead's score explains it.
    const engagement = await api<{
      uniqueHumanOpens: number;
      totalClicks: number;
      uniqueHumanClicks: number;
      recentClicks: { url: string; classification: string; uaFamily: string | null }[];
    }>(`/v1/email/contacts/${contactId}/engagement`);
    expect(engagement.body).toMatchObject({
      uniqueHumanOpens: 1,
      totalClicks: 1,
      uniqueHumanClicks: 1,
      recentClicks: [{ url: LINK_A, classification: 'human', uaFamily: 'Chrome' }],
    });
    const score = await eventually(
      () =>
        api<{ contributions: { rule: string; points: number }[] }>(`/v1/leads/${lead.id}/score`),
      (response) => response.body.contributions.some((c) => c.rule === 'email-click'),
    );
    expect(score.body.contributions.map((c) => [c.rule, c.points]).sort()).toEqual([
      ['email-click', 5],
      ['email-open', 3],
    ]);
  });

  it('counts a click hit delivered twice once (idempotent on redelivery)', async () => {
    const campaignId = await createCampaign();
    const [message] = await addMessages(campaignId, [{ email: 'twice@example.com' }]);
    const run = e2eRun();
    const hit = {
      hitId: randomUUID(),
      messageId: message.id,
      at: new Date().toISOString(),
      userAgent: UA.chrome,
      ip: HOME_IP,
      click: { url: LINK_A, head: false },
    };
    const js = nc.jetstream();
    // Two batches (two message ids) carrying the same hit, to its partition's subject.
    for (let i = 0; i < 2; i++)
      await js.publish(
        `${run.subjectPrefix}email.pixel.hits.${pixelHitPartition(HOME_IP)}`,
        JSON.stringify({ batchId: randomUUID(), hits: [hit] }),
        {
          headers: natsHeaders(),
        },
      );
    await eventually(
      () => stats(campaignId),
      (s) => s.totalClicks === 1,
    );
    // A later click from the same source (same partition, consumed in order) proves both were read.
    const { a } = await render(message.id);
    await click(a, UA.chrome);
    const settled = await eventually(
      () => stats(campaignId),
      (s) => s.totalClicks >= 2,
    );
    expect(settled.totalClicks).toBe(2);
  });
});

describe('click durability: NATS unreachable from the gateway', () => {
  const apps = new AppSet();
  const natsProxy = new TcpProxy('127.0.0.1', Number(new URL(e2eRun().natsUrl).port || 4222));
  let gateway: RunningApp;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    await natsProxy.start();
    await apps.start('email-tracking', { env: { PUBLIC_BASE_URL } });
    gateway = await apps.start('gateway', {
      env: { PUBLIC_BASE_URL, NATS_URL: `nats://127.0.0.1:${natsProxy.port}` },
    });
    api = apiClient(gateway.url);
  });
  afterAll(async () => {
    await apps.stopAll();
    await natsProxy.close();
  });

  const gatewayMetric = async (name: string) => {
    const line = (await (await fetch(`${gateway.url}/metrics`)).text())
      .split('\n')
      .find((l) => l.startsWith(name));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('keeps redirecting, buffers the clicks, and records every one once NATS is back', async () => {
    const campaign = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name: `click outage ${randomUUID()}`, subject: 'Outage' },
    });
    const created = await api<{ messages: { id: string }[] }>(
      `/v1/email/campaigns/${campaign.body.id}/messages`,
      {
        body: { messages: Array.from({ length: 5 }, (_, i) => ({ email: `co${i}@example.com` })) },
      },
    );
    const paths: string[] = [];
    for (const message of created.body.messages) {
      const rendered = await api<{ html: string }>('/v1/email/render', {
        body: { messageId: message.id, html: `<a href="${LINK_A}">Offer</a>` },
      });
      paths.push(new URL(/href="([^"]+)"/.exec(rendered.body.html)![1]).pathname);
    }
    natsProxy.cut();
    for (const [index, path] of paths.entries())
      for (let repeat = 0; repeat < 2; repeat++) {
        const response = await fetch(`${gateway.url}${path}`, {
          redirect: 'manual',
          headers: { 'user-agent': UA.chrome, 'x-forwarded-for': `198.51.${index}.${repeat + 1}` },
        });
        expect(response.status).toBe(302);
        expect(response.headers.get('location')).toBe(LINK_A);
      }
    expect(await gatewayMetric('email_pixel_hits_buffered')).toBe(10);
    await eventually(
      () => gatewayMetric('email_pixel_publish_retries_total'),
      (retries) => retries > 0,
      { timeoutMs: 15_000 },
    );
    natsProxy.restore();
    const stats = await eventually(
      async () => (await api<Stats>(`/v1/email/campaigns/${campaign.body.id}/stats`)).body,
      (s) => s.totalClicks >= 10,
      { timeoutMs: 30_000 },
    );
    expect(stats).toMatchObject({ totalClicks: 10, uniqueClicks: 5 });
    expect(await gatewayMetric('email_pixel_hits_buffered')).toBe(0);
  });
});
