import { PIXEL_HIT_PARTITIONS, pixelHitPartition } from '@sales-suite/contracts';
import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { metricValue } from '../support/metrics';
import { fetchPixel, pixelPath, USER_AGENTS, withDatabase } from './support';
import { eventually } from '../support/eventually';

const KEYS = `k1:${Buffer.alloc(32, 11).toString('base64')}`;
const ENV = { PIXEL_SIGNING_KEYS: KEYS, PIXEL_SIGNING_KEY_ID: 'k1' };
const MESSAGES = 30;

interface Source {
  ip: (index: number) => string;
  userAgent: string;
  messages: number[];
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, index) => from + index);

/**
 * One mailing's first seconds: two scanners (IPv4 and IPv6) each fetching 20 messages at once
 * from one network, then a human per message from distinct networks, curl and a security gateway
 * from their own networks, and a network that opens 4 messages (below the burst threshold).
 * Each source fetches a message at most once, so (message, network) names a hit.
 */
const SCANNERS: Source[] = [
  { ip: (i) => `198.51.100.${i + 1}`, userAgent: USER_AGENTS.outlook, messages: range(0, 20) },
  {
    ip: (i) => `2001:db8:5ca:${i.toString(16)}::1`,
    userAgent: USER_AGENTS.thunderbird,
    messages: range(10, 30),
  },
];
const OTHERS: Source[] = [
  ...range(0, MESSAGES).map((m) => ({
    ip: () => `203.0.${m}.10`,
    userAgent: USER_AGENTS.thunderbird,
    messages: [m],
  })),
  { ip: (i) => `192.0.2.${i + 1}`, userAgent: USER_AGENTS.curl, messages: range(0, 5) },
  { ip: (i) => `205.139.110.${i + 1}`, userAgent: USER_AGENTS.mimecast, messages: range(5, 10) },
  { ip: (i) => `100.64.7.${i + 1}`, userAgent: USER_AGENTS.outlook, messages: [3, 13, 23, 29] },
];
const SCENARIO = [...SCANNERS, ...OTHERS];
const SCENARIO_HITS = SCENARIO.reduce((sum, source) => sum + source.messages.length, 0);

type Api = ReturnType<typeof apiClient>;

async function createCampaign(api: Api, name: string): Promise<{ id: string; pixels: string[] }> {
  const campaign = await api<{ id: string }>('/v1/email/campaigns', {
    body: { name, subject: name },
  });
  const created = await api<{ messages: { pixelUrl: string }[] }>(
    `/v1/email/campaigns/${campaign.body.id}/messages`,
    { body: { messages: range(0, MESSAGES).map((m) => ({ email: `m${m}@example.com` })) } },
  );
  return { id: campaign.body.id, pixels: created.body.messages.map((m) => pixelPath(m.pixelUrl)) };
}

/**
 * Plays the scenario: the scanners first (each one's fetches in order, well within the 10-second
 * burst window), then the other sources in parallel; answers the number of hits.
 */
async function play(gateway: RunningApp, pixels: string[]): Promise<number> {
  const fetchAll = async (source: Source) => {
    for (const [index, message] of source.messages.entries()) {
      const response = await fetchPixel(gateway.url, pixels[message], {
        'user-agent': source.userAgent,
        'x-forwarded-for': source.ip(index),
      });
      expect(response.status).toBe(200);
    }
  };
  await Promise.all(SCANNERS.map(fetchAll));
  await Promise.all(OTHERS.map(fetchAll));
  return SCENARIO_HITS;
}

/** Every open of the campaign once `expected` are recorded: "m<i> <network>" → verdict. */
async function verdicts(campaignId: string, expected: number): Promise<Record<string, string>> {
  const read = () =>
    withDatabase(
      async (db) =>
        (
          await db.query<{ hit: string; verdict: string }>(
            `SELECT split_part(m.email, '@', 1) || ' ' || o.ip_prefix AS hit,
                    o.classification || ': ' || o.reason AS verdict
               FROM email.opens o JOIN email.messages m ON m.id = o.message_id
              WHERE o.campaign_id = $1`,
            [campaignId],
          )
        ).rows,
    );
  await eventually(read, (rows) => rows.length >= expected, { timeoutMs: 30_000 });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rows = await read();
  expect(rows).toHaveLength(expected);
  return Object.fromEntries(rows.map((row) => [row.hit, row.verdict]));
}

/** Live partition leases: partition → owner. */
async function partitionOwners(): Promise<Map<number, string>> {
  const rows = await withDatabase(
    async (db) =>
      (
        await db.query<{ name: string; owner: string }>(
          `SELECT name, owner FROM email.leases
            WHERE name LIKE 'pixel-partition:%' AND expires_at >= now()`,
        )
      ).rows,
  );
  return new Map(rows.map((row) => [Number(row.name.split(':')[1]), row.owner]));
}

const ownedOnlyBy = (owners: Map<number, string>, replicas: string[]) =>
  owners.size === PIXEL_HIT_PARTITIONS && [...owners.values()].every((o) => replicas.includes(o));

const count = (verdicts: Record<string, string>, classification: string) =>
  Object.values(verdicts).filter((verdict) => verdict.startsWith(`${classification}:`)).length;

describe('open classification does not depend on which email-tracking replica receives a hit', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let api: Api;
  let alone: Record<string, string>;
  const trio: Record<string, RunningApp> = {};

  beforeAll(async () => {
    const solo = await apps.start('email-tracking', { env: { ...ENV, REPLICA_ID: 'solo' } });
    gateway = await apps.start('gateway', { env: ENV });
    api = apiClient(gateway.url);
    await eventually(partitionOwners, (owners) => ownedOnlyBy(owners, ['solo']));
    const campaign = await createCampaign(api, 'One replica');
    alone = await verdicts(campaign.id, await play(gateway, campaign.pixels));
    await solo.stop();
  });
  afterAll(() => apps.stopAll());

  it('classifies the scenario as the rules say with one replica', () => {
    // The burst rule fires from the 5th message of each scanner network (16 + 16); curl is a
    // bot and Mimecast a scanner by agent; the rest, the slow network included, are human.
    expect(count(alone, 'machine:scanner')).toBe(16 + 16 + 5);
    expect(count(alone, 'machine:bot')).toBe(5);
    expect(count(alone, 'human')).toBe(4 + 4 + MESSAGES + 4);
    expect(alone['m4 198.51.100.0/24']).toMatch(/^machine:scanner/);
    expect(alone['m3 198.51.100.0/24']).toMatch(/^human/);
  });

  it('classifies the same scenario identically with three replicas sharing the partitions', async () => {
    const names = ['trio-a', 'trio-b', 'trio-c'];
    await Promise.all(
      names.map(async (name) => {
        trio[name] = await apps.start('email-tracking', { env: { ...ENV, REPLICA_ID: name } });
      }),
    );
    // Each replica settles at its share (6 + 6 + 4) and the scenario's networks are spread.
    const owners = await eventually(
      partitionOwners,
      (found) =>
        ownedOnlyBy(found, names) &&
        names.every((name) => [...found.values()].filter((o) => o === name).length >= 4),
    );
    const scenarioOwners = new Set(
      SCENARIO.map((source) => owners.get(pixelHitPartition(source.ip(0)))),
    );
    expect(scenarioOwners.size).toBe(3);
    const campaign = await createCampaign(api, 'Three replicas');
    expect(await verdicts(campaign.id, await play(gateway, campaign.pixels))).toEqual(alone);
    const owned = await Promise.all(
      names.map((name) => metricValue(trio[name], 'email_pixel_partitions_owned')),
    );
    expect(owned.reduce((a, b) => a + b)).toBe(PIXEL_HIT_PARTITIONS);
  });

  it("takes a killed replica's partitions over within 15 s and counts every hit exactly once", async () => {
    const campaign = await createCampaign(api, 'Takeover');
    let accepted = 0;
    let sending = true;
    // Hits keep coming, from 60 networks spread over the partitions, before and after the kill.
    const sender = (async () => {
      for (let n = 0; sending || n < 120; n++) {
        const response = await fetchPixel(gateway.url, campaign.pixels[n % MESSAGES], {
          'user-agent': USER_AGENTS.thunderbird,
          'x-forwarded-for': `10.${n % 60}.${Math.floor(n / 60) % 250}.7`,
        });
        expect(response.status).toBe(200);
        accepted++;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await eventually(
      async () => accepted,
      (n) => n >= 40,
    );
    await trio['trio-b'].stop('SIGKILL');
    const killedAt = Date.now();
    await eventually(partitionOwners, (owners) => ownedOnlyBy(owners, ['trio-a', 'trio-c']), {
      timeoutMs: 20_000,
    });
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    sending = false;
    await sender;

    const counted = await eventually(
      () =>
        withDatabase(
          async (db) =>
            (
              await db.query<{ opens: number; counters: number }>(
                `SELECT (SELECT count(*)::int FROM email.opens WHERE campaign_id = $1) AS opens,
                        (SELECT sum(open_count)::int FROM email.messages WHERE campaign_id = $1) AS counters`,
                [campaign.id],
              )
            ).rows[0],
        ),
      (found) => found.opens >= accepted,
      { timeoutMs: 30_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const stats = await api<{ totalOpens: number }>(`/v1/email/campaigns/${campaign.id}/stats`);
    expect({ ...counted, totalOpens: stats.body.totalOpens }).toEqual({
      opens: accepted,
      counters: accepted,
      totalOpens: accepted,
    });
    const owned = await Promise.all(
      ['trio-a', 'trio-c'].map((name) => metricValue(trio[name], 'email_pixel_partitions_owned')),
    );
    expect(owned.reduce((a, b) => a + b)).toBe(PIXEL_HIT_PARTITIONS);
  });
});
