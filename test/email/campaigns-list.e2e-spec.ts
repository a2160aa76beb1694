import { randomUUID } from 'node:crypto';
import { AppSet, RunningApp } from '../support/apps';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';
import { fetchPixel, pixelPath, USER_AGENTS, withDatabase } from './support';

interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
  definition: string;
}
interface Summary {
  id: string;
  name: string;
  subject: string;
  createdAt: string;
  archivedAt: string | null;
  sent: number;
  delivered: number;
  bounced: number;
  uniqueOpens: number;
  uniqueHumanOpens: number;
  openRate: Rate;
  humanOpenRate: Rate;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface MessageItem {
  id: string;
  email: string | null;
  contactId: string | null;
  status: string;
  deliveredAt: string | null;
  opened: boolean;
  firstOpenAt: string | null;
  firstHumanOpenAt: string | null;
}

const KEYS = `k1:${Buffer.alloc(32, 5).toString('base64')}`;
const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

describe('email: campaign list, summary, patch, archive and messages', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let readerKey: string;
  let writerKey: string;

  const createKey = async (scopes: string[]) => {
    const created = await api<{ key: string }>('/v1/admin/api-keys', {
      body: { name: `campaigns ${scopes.join(' ').replace(/:/g, '-')}`, scopes },
    });
    expect(created.status).toBe(201);
    return created.body.key;
  };

  const createCampaign = async (name: string) => {
    const response = await api<Summary>('/v1/email/campaigns', {
      body: { name, subject: `${name} subject` },
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  /** Every page of the list from the newest down to (and including) `oldest`'s creation time. */
  const listDownTo = async (oldest: string, query = '', limit = 100) => {
    const seen: Summary[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Page<Summary> } = await api<Page<Summary>>(
        `/v1/email/campaigns?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor && seen[seen.length - 1].createdAt >= oldest);
    return seen;
  };

  beforeAll(async () => {
    const env = { PIXEL_SIGNING_KEYS: KEYS, PIXEL_SIGNING_KEY_ID: 'k1' };
    await apps.start('email-tracking', { env });
    gateway = await apps.start('gateway', { env });
    api = apiClient(gateway.url);
    readerKey = await createKey(['email:read']);
    writerKey = await createKey(['email:read', 'email:write']);
  }, 60_000);
  afterAll(() => apps.stopAll());

  it('pages newest first without duplicates or gaps while campaigns are created', async () => {
    const run = randomUUID().slice(0, 8);
    const ours: Summary[] = [];
    for (let i = 0; i < 12; i++) ours.push(await createCampaign(`paging ${run} ${i}`));
    const seen: Summary[] = [];
    let cursor: string | null = null;
    let createdWhilePaging: Summary[] = [];
    do {
      const page: { status: number; body: Page<Summary> } = await api<Page<Summary>>(
        `/v1/email/campaigns?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
        { key: readerKey },
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
      // Newer than the cursor: they belong before the first page and must not show up later.
      if (createdWhilePaging.length === 0)
        createdWhilePaging = [
          await createCampaign(`paging ${run} late a`),
          await createCampaign(`paging ${run} late b`),
        ];
    } while (cursor && seen[seen.length - 1].createdAt >= ours[0].createdAt);

    const ids = seen.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const campaign of ours) expect(ids).toContain(campaign.id);
    for (const late of createdWhilePaging) expect(ids).not.toContain(late.id);
    const ourOrder = ids.filter((id) => ours.some((campaign) => campaign.id === id));
    expect(ourOrder).toEqual(ours.map((campaign) => campaign.id).reverse());
    for (let i = 1; i < seen.length; i++)
      expect(seen[i - 1].createdAt >= seen[i].createdAt).toBe(true);
  });

  it('refuses a bad limit or cursor with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['cursor=a.b', 'cursor'],
      ['includeArchived=yes', 'includeArchived'],
    ]) {
      const response = await api<{ errors: { field: string }[] }>(`/v1/email/campaigns?${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors.map((error) => error.field)).toContain(field);
    }
  });

  it('archive hides a campaign from the default list, keeps its figures, and is idempotent', async () => {
    const campaign = await createCampaign(`archive ${randomUUID().slice(0, 8)}`);
    await api(`/v1/email/campaigns/${campaign.id}/messages`, {
      body: { messages: [{ email: 'archive-1@example.com' }, { email: 'archive-2@example.com' }] },
    });
    expect(
      (await api(`/v1/email/campaigns/${campaign.id}/archive`, { method: 'POST', key: readerKey }))
        .status,
    ).toBe(403);

    const archived = await api<Summary>(`/v1/email/campaigns/${campaign.id}/archive`, {
      method: 'POST',
      key: writerKey,
    });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ id: campaign.id, sent: 2 });
    expect(archived.body.archivedAt).not.toBeNull();
    const again = await api<Summary>(`/v1/email/campaigns/${campaign.id}/archive`, {
      method: 'POST',
    });
    expect(again.body.archivedAt).toBe(archived.body.archivedAt);

    const defaultList = await listDownTo(campaign.createdAt);
    expect(defaultList.map((item) => item.id)).not.toContain(campaign.id);
    expect(defaultList.every((item) => item.archivedAt === null)).toBe(true);
    const withArchived = await listDownTo(campaign.createdAt, '&includeArchived=true');
    expect(withArchived.find((item) => item.id === campaign.id)).toEqual(archived.body);
    const stats = await api<{ sent: number }>(`/v1/email/campaigns/${campaign.id}/stats`);
    expect(stats.body.sent).toBe(2);

    const unarchived = await api<Summary>(`/v1/email/campaigns/${campaign.id}/archive`, {
      method: 'DELETE',
    });
    expect(unarchived.status).toBe(200);
    expect(unarchived.body.archivedAt).toBeNull();
    expect(
      (await api<Summary>(`/v1/email/campaigns/${campaign.id}/archive`, { method: 'DELETE' })).body
        .archivedAt,
    ).toBeNull();
    expect((await listDownTo(campaign.createdAt)).map((item) => item.id)).toContain(campaign.id);
  });

  it('patches name and subject, and refuses bad input with problem+json naming the field', async () => {
    const campaign = await createCampaign(`patch ${randomUUID().slice(0, 8)}`);
    const path = `/v1/email/campaigns/${campaign.id}`;
    const cases: [unknown, string][] = [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: null }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ subject: null }, 'subject'],
      [{ subject: 'x'.repeat(501) }, 'subject'],
      [{ name: 'ok', archivedAt: null }, 'archivedAt'],
    ];
    for (const [body, field] of cases) {
      const response = await api<{ errors: { field: string }[] }>(path, { method: 'PATCH', body });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors.map((error) => error.field)).toContain(field);
    }
    expect((await api(path, { method: 'PATCH', body: { name: 'x' }, key: readerKey })).status).toBe(
      403,
    );
    const missing = await api(`/v1/email/campaigns/${randomUUID()}`, {
      method: 'PATCH',
      body: { name: 'x' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'EMAIL_CAMPAIGN_NOT_FOUND' });

    const renamed = await api<Summary>(path, {
      method: 'PATCH',
      body: { name: 'Renamed <b>campaign</b>' },
      key: writerKey,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Renamed <b>campaign</b>',
      subject: campaign.subject,
    });
    const both = await api<Summary>(path, {
      method: 'PATCH',
      body: { name: 'Both', subject: 'New subject' },
    });
    expect(both.body).toMatchObject({ name: 'Both', subject: 'New subject' });
    expect((await api<Summary>(path)).body).toEqual(both.body);
  });

  it('GET one: 404 for an unknown id, 400 naming id for a malformed one', async () => {
    const missing = await api(`/v1/email/campaigns/${randomUUID()}`, { key: readerKey });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'EMAIL_CAMPAIGN_NOT_FOUND' });
    const malformed = await api<{ errors: { field: string }[] }>('/v1/email/campaigns/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error) => error.field)).toContain('id');
  });

  describe('a campaign with deliveries, bounces and opens', () => {
    let campaign: Summary;
    let messages: { id: string; email: string; pixelUrl: string }[];
    const contactId = `campaigns-list-${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      campaign = await createCampaign(`figures ${randomUUID().slice(0, 8)}`);
      const created = await api<{ messages: typeof messages }>(
        `/v1/email/campaigns/${campaign.id}/messages`,
        {
          body: {
            messages: [
              { email: 'fig-1@example.com', contactId },
              { email: 'fig-2@example.com' },
              { email: 'fig-3@example.com' },
              { email: 'fig-4@example.com' },
              { email: 'fig-5@example.com' },
            ],
          },
        },
      );
      messages = created.body.messages;
      const [m1, m2, m3, m4] = messages;
      const events = await api('/v1/email/events', {
        body: {
          events: [
            { messageId: m1.id, type: 'delivered', occurredAt: secondsAgo(120) },
            { messageId: m2.id, type: 'hard_bounce' },
            { messageId: m3.id, type: 'delivered', occurredAt: secondsAgo(120) },
            { messageId: m3.id, type: 'complaint' },
            { messageId: m4.id, type: 'soft_bounce' },
          ],
        },
      });
      expect(events.status).toBe(200);
      await fetchPixel(gateway.url, pixelPath(m1.pixelUrl), {
        'user-agent': USER_AGENTS.thunderbird,
      });
      await fetchPixel(gateway.url, pixelPath(m3.pixelUrl), { 'user-agent': USER_AGENTS.curl });
      await eventually(
        () => api<Summary>(`/v1/email/campaigns/${campaign.id}`),
        (response) => response.body.uniqueOpens === 2,
        { description: 'both opens counted' },
      );
    }, 60_000);

    it('the summary, the list item and the stats give the same figures', async () => {
      const [summary, stats, list] = await Promise.all([
        api<Summary>(`/v1/email/campaigns/${campaign.id}`, { key: readerKey }),
        api<Summary & { complaints: number }>(`/v1/email/campaigns/${campaign.id}/stats`),
        listDownTo(campaign.createdAt),
      ]);
      expect(summary.body).toMatchObject({
        sent: 5,
        bounced: 2,
        delivered: 3,
        uniqueOpens: 2,
        uniqueHumanOpens: 1,
      });
      expect(summary.body.openRate).toMatchObject({ value: 2 / 3, numerator: 2, denominator: 3 });
      expect(summary.body.humanOpenRate).toMatchObject({ numerator: 1, denominator: 3 });
      for (const figure of [
        'sent',
        'delivered',
        'bounced',
        'uniqueOpens',
        'uniqueHumanOpens',
        'openRate',
        'humanOpenRate',
      ] as const)
        expect(summary.body[figure]).toEqual(stats.body[figure]);
      expect(stats.body.complaints).toBe(1);
      expect(list.find((item) => item.id === campaign.id)).toEqual(summary.body);
    });

    it('the kept counters equal a count over the messages, and erasure moves them', async () => {
      const counted = () =>
        withDatabase(async (db) => {
          const { rows } = await db.query(
            `SELECT c.sent = m.sent AND c.bounced = m.bounced AND c.complaints = m.complaints
                    AND c.unique_opens = m.unique_opens AND c.unique_human_opens = m.unique_human_opens AS same
             FROM email.campaigns c, LATERAL (
               SELECT count(*) AS sent,
                      count(*) FILTER (WHERE status IN ('soft_bounce', 'hard_bounce')) AS bounced,
                      count(*) FILTER (WHERE status = 'complaint') AS complaints,
                      count(*) FILTER (WHERE open_count > 0) AS unique_opens,
                      count(*) FILTER (WHERE human_open_count > 0) AS unique_human_opens
               FROM email.messages WHERE campaign_id = c.id) m
             WHERE c.id = $1`,
            [campaign.id],
          );
          return rows[0].same as boolean;
        });
      expect(await counted()).toBe(true);
      const erased = await api(`/v1/email/contacts/${contactId}/tracking-data`, {
        method: 'DELETE',
      });
      expect(erased.status).toBe(200);
      const after = await api<Summary>(`/v1/email/campaigns/${campaign.id}`);
      expect(after.body).toMatchObject({ uniqueOpens: 1, uniqueHumanOpens: 0 });
      expect(await counted()).toBe(true);
    });

    it('lists the messages with status and first opens; emails only for keys that may read contacts', async () => {
      const [m1, m2, m3, m4, m5] = messages;
      const all: MessageItem[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: Page<MessageItem> } = await api<Page<MessageItem>>(
          `/v1/email/campaigns/${campaign.id}/messages?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        all.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(all.map((item) => item.id).sort()).toEqual(messages.map((m) => m.id).sort());
      const byId = new Map(all.map((item) => [item.id, item]));
      expect(byId.get(m1.id)).toMatchObject({ status: 'delivered', email: 'fig-1@example.com' });
      expect(byId.get(m2.id)).toMatchObject({ status: 'hard_bounce', opened: false });
      expect(byId.get(m3.id)).toMatchObject({ status: 'complaint', opened: true });
      expect(byId.get(m3.id)?.firstOpenAt).not.toBeNull();
      expect(byId.get(m3.id)?.firstHumanOpenAt).toBeNull();
      expect(byId.get(m4.id)).toMatchObject({ status: 'soft_bounce', deliveredAt: null });
      expect(byId.get(m5.id)).toMatchObject({ status: 'sent', opened: false, firstOpenAt: null });

      const bounced = await api<Page<MessageItem>>(
        `/v1/email/campaigns/${campaign.id}/messages?status=hard_bounce`,
      );
      expect(bounced.body.items.map((item) => item.id)).toEqual([m2.id]);

      const forReader = await api<Page<MessageItem>>(
        `/v1/email/campaigns/${campaign.id}/messages?limit=100`,
        { key: readerKey },
      );
      expect(forReader.status).toBe(200);
      expect(forReader.body.items).toHaveLength(5);
      expect(forReader.body.items.every((item) => item.email === null)).toBe(true);
      expect(JSON.stringify(forReader.body)).not.toContain('@example.com');
    });

    it('messages: 400 naming status for an unknown one, 404 for an unknown campaign', async () => {
      const badStatus = await api<{ errors: { field: string }[] }>(
        `/v1/email/campaigns/${campaign.id}/messages?status=opened`,
      );
      expect(badStatus.status).toBe(400);
      expect(badStatus.body.errors.map((error) => error.field)).toContain('status');
      const missing = await api(`/v1/email/campaigns/${randomUUID()}/messages`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ code: 'EMAIL_CAMPAIGN_NOT_FOUND' });
    });
  });
});
