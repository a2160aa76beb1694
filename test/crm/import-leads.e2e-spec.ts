import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HistoryBody, LeadBody } from '../leads/lead-funnel.harness';
import { AppSet } from '../support/apps';
import { postImportFile } from './import.harness';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';

interface ImportView {
  id: string;
  status: string;
  created: number;
  unchanged: number;
  failed: number;
}

/** A contact the HubSpot fixture leaves out: a subscriber with no create date. */
const SUBSCRIBER_ROW =
  '"54","Ana","Costa","ana.costa@hubexample.de","","","","Hubexample GmbH","9001","https://www.hubexample.de","Computer Software","51-200","5000000","Lisbon","Portugal","Subscriber","","Sam Owner","Referrals","1",""';

/**
 * The HubSpot contacts export (plus the subscriber row and `extra` rows) with its emails made
 * this file's own: the run's database is shared, and crm-export-files imports the same file.
 */
function hubspotFile(tag: string, extra: string[] = []): string {
  const fixture = readFileSync(join(__dirname, 'fixtures/exports/hubspot-contacts.csv'), 'utf8');
  const lines = [...fixture.trimEnd().split('\n'), SUBSCRIBER_ROW, ...extra];
  return `${lines.join('\n').replace(/@hubexample\.de/g, `.${tag}@hubexample.de`)}\n`;
}

/** A one-contact HubSpot row (an opportunity) whose lead shows that earlier requests were handled. */
const sentinelRow = (name: string) =>
  `"60","${name}","Sentinel","${name.toLowerCase()}@hubexample.de","","","","","","","","","","","","Opportunity","","","","","2024-06-01 08:00"`;

describe('CRM import with createLeads=true: leads from the same file', () => {
  const apps = new AppSet();
  let gatewayUrl: string;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    await apps.start('crm-enrichment', { env: { CRM_FRESHNESS_INTERVAL_MS: '0' } });
    await apps.start('lead-funnel');
    gatewayUrl = (await apps.start('gateway')).url;
    api = apiClient(gatewayUrl);
  });
  afterAll(() => apps.stopAll());

  const upload = (csv: string, query: string) =>
    postImportFile(gatewayUrl, csv, { fileName: 'hubspot-contacts.csv', pathAndQuery: query });

  const importFile = async (csv: string, query: string): Promise<ImportView> => {
    const accepted = await upload(csv, query);
    expect(accepted.status).toBe(202);
    return eventually(
      async () => (await api<ImportView>(`/v1/crm/imports/${accepted.body.id as string}`)).body,
      (body) => body.status === 'completed' || body.status === 'failed',
      { timeoutMs: 60_000, intervalMs: 200, description: 'file imported' },
    );
  };

  const contactId = async (email: string): Promise<string> => {
    const found = await api<{ items: { id: string }[] }>(
      `/v1/crm/contacts?email=${encodeURIComponent(email)}`,
    );
    expect(found.body.items).toHaveLength(1);
    return found.body.items[0].id;
  };

  const leadsOf = async (email: string): Promise<LeadBody[]> =>
    (await api<{ items: LeadBody[] }>(`/v1/leads?contactId=${await contactId(email)}`)).body.items;

  const theLeadOf = (email: string) =>
    eventually(
      () => leadsOf(email),
      (leads) => leads.length > 0,
      { timeoutMs: 30_000, intervalMs: 200, description: `the lead of ${email}` },
    ).then((leads) => {
      expect(leads).toHaveLength(1);
      return leads[0];
    });

  const history = async (lead: LeadBody) =>
    (await api<HistoryBody>(`/v1/leads/${lead.id}/history`)).body.events;

  it('creates one lead per contact at the mapped stage, its history starting at the create date; re-importing creates none', async () => {
    const tag = randomUUID().slice(0, 8);
    const email = (local: string) => `${local}.${tag}@hubexample.de`;
    const before = Date.now();
    const job = await importFile(hubspotFile(tag), '?createLeads=true');
    const after = Date.now();
    expect(job).toMatchObject({ status: 'completed', created: 3, failed: 1 });

    const hannah = await theLeadOf(email('hannah.schmidt'));
    expect(hannah.stage).toBe('mql');
    const hannahHistory = await history(hannah);
    expect(hannahHistory.slice(0, 2)).toEqual([
      expect.objectContaining({
        type: 'LeadCreated',
        occurredAt: '2024-03-05T14:22:00.000Z',
        actor: `import:${job.id}`,
        data: expect.objectContaining({ contactId: await contactId(email('hannah.schmidt')) }),
      }),
      expect.objectContaining({
        type: 'StageChanged',
        occurredAt: '2024-03-05T14:22:00.000Z',
        data: expect.objectContaining({
          from: 'new',
          to: 'mql',
          reason: 'import',
          automatic: false,
        }),
      }),
    ]);

    // Customer → closed_won: entered directly, though the funnel allows no new → closed_won move.
    const luis = await theLeadOf(email('luis.gonzalez'));
    expect(luis.stage).toBe('closed_won');
    expect((await history(luis)).slice(0, 2)).toEqual([
      expect.objectContaining({ type: 'LeadCreated', occurredAt: '2023-11-20T09:01:00.000Z' }),
      expect.objectContaining({
        type: 'StageChanged',
        occurredAt: '2023-11-20T09:01:00.000Z',
        data: expect.objectContaining({ from: 'new', to: 'closed_won' }),
      }),
    ]);

    // Subscriber → new, no create date: the lead starts at import time, with no stage change.
    const ana = await theLeadOf(email('ana.costa'));
    expect(ana.stage).toBe('new');
    const anaHistory = await history(ana);
    expect(anaHistory[0].type).toBe('LeadCreated');
    expect(Date.parse(anaHistory[0].occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(anaHistory[0].occurredAt)).toBeLessThanOrEqual(after);
    expect(anaHistory.map((event) => event.type)).not.toContain('StageChanged');

    // Re-import: the sentinel's request comes after the contacts' in the same ordered stream,
    // so once its lead exists the second requests for the others were handled.
    const again = await importFile(hubspotFile(tag, [sentinelRow('Rex')]), '?createLeads=true');
    expect(again).toMatchObject({ status: 'completed', created: 1, unchanged: 3, failed: 1 });
    expect((await theLeadOf(email('rex'))).stage).toBe('opportunity');
    for (const local of ['hannah.schmidt', 'luis.gonzalez', 'ana.costa'])
      expect(await leadsOf(email(local))).toHaveLength(1);
  });

  it('creates no lead without the flag', async () => {
    const tag = randomUUID().slice(0, 8);
    const email = (local: string) => `${local}.${tag}@hubexample.de`;
    const job = await importFile(hubspotFile(tag), '');
    expect(job).toMatchObject({ status: 'completed', created: 3, failed: 1 });
    // A later createLeads import's lead shows that the earlier import's events were all handled.
    const sentinel = `"Email","Lifecycle Stage"\n"${email('sam')}","Lead"\n`;
    await importFile(sentinel, '?createLeads=true');
    expect((await theLeadOf(email('sam'))).stage).toBe('new');
    for (const local of ['hannah.schmidt', 'luis.gonzalez', 'ana.costa'])
      expect(await leadsOf(email(local))).toEqual([]);
  });

  it('refuses a createLeads that is not true or false, naming it', async () => {
    const response = await upload(hubspotFile(randomUUID().slice(0, 8)), '?createLeads=yes');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      errors: [{ field: 'createLeads', reason: 'createLeads must be true or false' }],
    });
  });
});

describe('CRM import with createLeads=true and CRM_IMPORT_STAGE_MAPPING', () => {
  const apps = new AppSet();
  let gatewayUrl: string;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    await apps.start('crm-enrichment', {
      env: {
        CRM_FRESHNESS_INTERVAL_MS: '0',
        CRM_IMPORT_STAGE_MAPPING: '{"Customer":"opportunity","Hot":"sql"}',
      },
    });
    await apps.start('lead-funnel');
    gatewayUrl = (await apps.start('gateway')).url;
    api = apiClient(gatewayUrl);
  });
  afterAll(() => apps.stopAll());

  it('maps the stages through the configured table, which replaces the defaults', async () => {
    const tag = randomUUID().slice(0, 8);
    const csv = [
      '"Email","Lifecycle Stage"',
      `"customer.${tag}@configured-stages.de","Customer"`,
      `"hot.${tag}@configured-stages.de","HOT"`,
      `"mql.${tag}@configured-stages.de","Marketing Qualified Lead"`,
    ].join('\n');
    const accepted = await postImportFile(gatewayUrl, csv, {
      fileName: 'stages.csv',
      pathAndQuery: '?createLeads=true',
    });
    expect(accepted.status).toBe(202);
    const stageOf = async (local: string) => {
      const email = `${local}.${tag}@configured-stages.de`;
      const leads = await eventually(
        async () => {
          const contacts = await api<{ items: { id: string }[] }>(
            `/v1/crm/contacts?email=${encodeURIComponent(email)}`,
          );
          if (contacts.body.items.length !== 1) return [];
          const found = await api<{ items: LeadBody[] }>(
            `/v1/leads?contactId=${contacts.body.items[0].id}`,
          );
          return found.body.items;
        },
        (items) => items.length > 0,
        { timeoutMs: 30_000, intervalMs: 200, description: `the lead of ${email}` },
      );
      expect(leads).toHaveLength(1);
      return leads[0].stage;
    };
    expect(await stageOf('customer')).toBe('opportunity');
    expect(await stageOf('hot')).toBe('sql');
    expect(await stageOf('mql')).toBe('new');
  });
});
