import { pixelHitPartition } from '@sales-suite/contracts/core';
import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, NatsConnection } from 'nats';
import { Client } from 'pg';
import { AppSet, RunningApp } from '../support/apps';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';
import { connectNats, fetchPixel, pixelPath, USER_AGENTS, withDatabase } from './support';

const PUBLIC_BASE_URL = 'https://t.example.test';
const LINK_A = 'https://shop.example/rollup-a';
const LINK_B = 'https://shop.example/rollup-b';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

interface Stats {
  uniqueHumanOpens: number;
  impliedOpens: number;
  totalClicks: number;
  uniqueClicks: number;
  uniqueHumanClicks: number;
  timeToFirstOpen: { medianSeconds: number | null; p90Seconds: number | null; samples: number };
  links: { url: string; totalClicks: number; uniqueClicks: number; uniqueHumanClicks: number }[];
}

/** Rows that differ between a kept rollup and the same figures computed from the raw rows. */
async function differing(db: Client, campaignId: string): Promise<Record<string, unknown[]>> {
  const compare = async (kept: string, direct: string) =>
    (
      await db.query(
        `WITH kept AS (${kept}), direct AS (${direct})
         (TABLE kept EXCEPT TABLE direct) UNION ALL (TABLE direct EXCEPT TABLE kept)`,
        [campaignId],
      )
    ).rows;
  return {
    delays: await compare(
      `SELECT seconds, messages FROM email.campaign_open_delays
        WHERE campaign_id = $1 AND messages <> 0`,
      `SELECT email.open_delay_seconds(first_human_open_at, delivered_at, sent_at), count(*)::int
         FROM email.messages WHERE campaign_id = $1 AND first_human_open_at IS NOT NULL GROUP BY 1`,
    ),
    messageLinks: await compare(
      `SELECT p.message_id, p.link_id, p.clicks, p.human_clicks FROM email.message_links p
         JOIN email.messages m ON m.id = p.message_id WHERE m.campaign_id = $1 AND p.clicks <> 0`,
      `SELECT message_id, link_id, count(*)::int,
              count(*) FILTER (WHERE classification = 'human')::int
         FROM email.clicks WHERE campaign_id = $1 GROUP BY 1, 2`,
    ),
    links: await compare(
      `SELECT url, total_clicks, unique_clicks, unique_human_clicks FROM email.links
        WHERE campaign_id = $1 AND total_clicks <> 0`,
      `SELECT l.url, count(*)::int, count(DISTINCT c.message_id)::int,
              count(DISTINCT c.message_id) FILTER (WHERE c.classification = 'human')::int
         FROM email.clicks c JOIN email.links l ON l.id = c.link_id
        WHERE c.campaign_id = $1 GROUP BY l.url`,
    ),
    messages: await compare(
      `SELECT id, click_count, human_click_count, implied_open_count FROM email.messages
        WHERE campaign_id = $1`,
      `SELECT m.id, count(c.id)::int, count(c.id) FILTER (WHERE c.classification = 'human')::int,
              count(c.id) FILTER (WHERE c.implied_open)::int
         FROM email.messages m LEFT JOIN email.clicks c ON c.message_id = m.id
        WHERE m.campaign_id = $1 GROUP BY m.id`,
    ),
    campaign: await compare(
      `SELECT unique_clicks, unique_human_clicks, implied_opens FROM email.campaigns WHERE id = $1`,
      `SELECT count(DISTINCT message_id)::int,
              count(DISTINCT message_id) FILTER (WHERE classification = 'human')::int,
              (SELECT count(*)::int FROM email.opens WHERE campaign_id = $1 AND implied)
         FROM email.clicks WHERE campaign_id = $1`,
    ),
  };
}

/** The stats figures read from rollups, computed from the raw rows instead. */
async function directStats(db: Client, campaignId: string): Promise<Partial<Stats>> {
  const [figures] = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM email.opens WHERE campaign_id = $1 AND implied) AS "impliedOpens",
              (SELECT count(*)::int FROM email.clicks WHERE campaign_id = $1) AS "totalClicks",
              (SELECT count(DISTINCT message_id)::int FROM email.clicks WHERE campaign_id = $1) AS "uniqueClicks",
              (SELECT count(DISTINCT message_id)::int FROM email.clicks
                WHERE campaign_id = $1 AND classification = 'human') AS "uniqueHumanClicks",
              (SELECT count(*)::int FROM email.messages
                WHERE campaign_id = $1 AND human_open_count > 0) AS "uniqueHumanOpens"`,
      [campaignId],
    )
  ).rows;
  const [delays] = (
    await db.query(
      `SELECT count(*)::int AS samples,
              floor(percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds))::int AS "medianSeconds",
              floor(percentile_disc(0.9) WITHIN GROUP (ORDER BY seconds))::int AS "p90Seconds"
         FROM (SELECT extract(epoch FROM first_human_open_at - COALESCE(delivered_at, sent_at)) AS seconds
                 FROM email.messages WHERE campaign_id = $1 AND first_human_open_at IS NOT NULL) d`,
      [campaignId],
    )
  ).rows;
  const links = (
    await db.query(
      `SELECT l.url, count(*)::int AS "totalClicks", count(DISTINCT c.message_id)::int AS "uniqueClicks",
              count(DISTINCT c.message_id) FILTER (WHERE c.classification = 'human')::int AS "uniqueHumanClicks"
         FROM email.clicks c JOIN email.links l ON l.id = c.link_id WHERE c.campaign_id = $1
        GROUP BY l.url ORDER BY 4 DESC, 2 DESC, l.url`,
      [campaignId],
    )
  ).rows;
  return { ...figures, timeToFirstOpen: delays, links };
}

describe('campaign stats rollups: every writer keeps them equal to the raw rows', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await connectNats();
    await apps.start('email-tracking', { env: { PUBLIC_BASE_URL } });
    gateway = await apps.start('gateway', { env: { PUBLIC_BASE_URL } });
    api = apiClient(gateway.url);
  });
  afterAll(async () => {
    await apps.stopAll();
    await nc.close();
  });

  const stats = async (campaignId: string) =>
    (await api<Stats>(`/v1/email/campaigns/${campaignId}/stats`)).body;
  const deliver = async (messageId: string, occurredAt: Date) => {
    const response = await api('/v1/email/events', {
      body: { events: [{ messageId, type: 'delivered', occurredAt: occurredAt.toISOString() }] },
    });
    expect(response.status).toBe(200);
  };
  const open = (pixelUrl: string, ip: string) =>
    fetchPixel(gateway.url, pixelPath(pixelUrl), {
      'user-agent': USER_AGENTS.thunderbird,
      'x-forwarded-for': ip,
    });
  /** A click hit as the gateway publishes it, one batch per call (so the next one re-judges it). */
  const publishClick = async (messageId: string, url: string, at: Date, userAgent = CHROME) => {
    const ip = '198.51.100.77';
    await nc.jetstream().publish(
      `${e2eRun().subjectPrefix}email.pixel.hits.${pixelHitPartition(ip)}`,
      JSON.stringify({
        batchId: randomUUID(),
        hits: [
          {
            hitId: randomUUID(),
            messageId,
            at: at.toISOString(),
            userAgent,
            ip,
            click: { url, head: false },
          },
        ],
      }),
      { headers: natsHeaders() },
    );
  };
  const expectExact = async (campaignId: string) => {
    await withDatabase(async (db) => {
      expect(await differing(db, campaignId)).toEqual({
        delays: [],
        messageLinks: [],
        links: [],
        messages: [],
        campaign: [],
      });
      expect(await stats(campaignId)).toMatchObject(await directStats(db, campaignId));
    });
  };

  it('opens, clicks, implied opens, re-judged clicks, late deliveries and an erasure', async () => {
    const campaign = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name: `rollups ${randomUUID()}`, subject: 'Rollups' },
    });
    const campaignId = campaign.body.id;
    const erasedContact = `c-rollup-${randomUUID()}`;
    const created = await api<{ messages: { id: string; pixelUrl: string }[] }>(
      `/v1/email/campaigns/${campaignId}/messages`,
      {
        body: {
          messages: [
            { email: 'r1@example.com', contactId: erasedContact },
            { email: 'r2@example.com', contactId: `c-rollup-${randomUUID()}` },
            { email: 'r3@example.com' },
            { email: 'r4@example.com' },
          ],
        },
      },
    );
    const [m1, m2, m3, m4] = created.body.messages;
    const anHourAgo = new Date(Date.now() - 3600_000);
    for (const m of [m1, m2, m3]) await deliver(m.id, anHourAgo);

    // m1 and m4 (never delivered yet: timed from sending) opened by people.
    await open(m1.pixelUrl, '203.0.113.1');
    await open(m4.pixelUrl, '203.0.113.4');
    await eventually(
      () => stats(campaignId),
      (s) => s.uniqueHumanOpens === 2,
    );
    await expectExact(campaignId);

    // m1 clicks A (opened already); m2 clicks B with no open (implied); m3 clicks A and B apart.
    const now = Date.now();
    await publishClick(m1.id, LINK_A, new Date(now - 60_000));
    await publishClick(m2.id, LINK_B, new Date(now - 50_000));
    await publishClick(m3.id, LINK_A, new Date(now - 40_000), USER_AGENTS.mimecast);
    await publishClick(m3.id, LINK_B, new Date(now - 30_000));
    let settled = await eventually(
      () => stats(campaignId),
      (s) => s.totalClicks === 4,
    );
    expect(settled).toMatchObject({ impliedOpens: 2, uniqueClicks: 3, uniqueHumanClicks: 3 });
    await expectExact(campaignId);

    // m2's click turns out to start a burst: another link of it within the second, next batch.
    await publishClick(m2.id, LINK_A, new Date(now - 50_000 + 400));
    settled = await eventually(
      () => stats(campaignId),
      (s) => s.totalClicks === 5,
    );
    expect(settled).toMatchObject({ impliedOpens: 1, uniqueClicks: 3, uniqueHumanClicks: 2 });
    await expectExact(campaignId);

    // m4's delivery event arrives after its open: its delay moves to the other second.
    await deliver(m4.id, new Date(now - 7200_000));
    await eventually(
      () =>
        withDatabase(
          async (db) =>
            (await db.query(`SELECT delivered_at FROM email.messages WHERE id = $1`, [m4.id]))
              .rows[0].delivered_at,
        ),
      (deliveredAt) => deliveredAt !== null,
    );
    await expectExact(campaignId);

    // m1's contact asks for its tracking data to go.
    const erased = await api(`/v1/email/contacts/${erasedContact}/tracking-data`, {
      method: 'DELETE',
    });
    expect(erased.body).toMatchObject({ erasedOpens: 1, erasedClicks: 1 });
    await expectExact(campaignId);
    expect(await stats(campaignId)).toMatchObject({
      uniqueClicks: 2,
      uniqueHumanClicks: 1,
      links: [
        { url: LINK_B, totalClicks: 2, uniqueClicks: 2, uniqueHumanClicks: 1 },
        { url: LINK_A, totalClicks: 2, uniqueClicks: 2, uniqueHumanClicks: 0 },
      ],
    });
  });
});
