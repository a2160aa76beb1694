import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { cloneLead, countInFunnelRollup, database } from '../leads/lead-funnel.harness';
import { AppSet } from '../support/apps';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';
import { ownSubjectPrefix } from '../support/test-env';

/** Debian's Chromium (.ci/run installs it); Playwright never downloads a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '../../test-results/console');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** Leads behind the measured funnel render: three made through the API, copied in the database. */
const FUNNEL_LEADS = 10_000;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: unknown[];
}

describe('console: the web UI in a real Chromium', () => {
  const apps = new AppSet();
  const tag = randomUUID().slice(0, 8);
  let gatewayUrl: string;
  let api: ReturnType<typeof apiClient>;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install chromium (or set CHROMIUM_PATH)`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const env = ownSubjectPrefix('console');
    await Promise.all(
      (['glossary', 'crm-enrichment', 'lead-funnel', 'email-tracking'] as const).map((name) =>
        apps.start(name, { env }),
      ),
    );
    // The funnel over 10,000 leads is aggregated per request: more than 5 s on a loaded machine.
    gatewayUrl = (
      await apps.start('gateway', { env: { ...env, NATS_REQUEST_TIMEOUT_MS: '20000' } })
    ).url;
    api = apiClient(gatewayUrl);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await apps.stopAll();
  });

  const open = async (path: string) => {
    await page.goto(`${gatewayUrl}/console${path}`);
  };
  const main = () => page.locator('main');

  /** axe-core in the page (evaluated over the DevTools protocol: the CSP allows no injected script). */
  const seriousViolations = async (): Promise<Violation[]> => {
    await page.evaluate(AXE_SOURCE);
    const violations = (await page.evaluate(
      'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)',
    )) as Violation[];
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  };

  /** Screenshot (git-ignored folder) and accessibility check of the page as it stands. */
  const checkPage = async (name: string) => {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    expect(await seriousViolations()).toEqual([]);
  };

  const signIn = async (key: string) => {
    await open('/');
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  const createLead = async (body: Record<string, unknown> = { source: 'inbound' }) => {
    const created = await api<{ id: string }>('/v1/leads', { body });
    expect(created.status).toBe(201);
    return created.body.id;
  };

  it('serves the console with long-cache assets, a no-cache index and a strict CSP', async () => {
    const index = await fetch(`${gatewayUrl}/console/leads/any-client-route`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await index.text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${gatewayUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${gatewayUrl}/console/assets/missing-file.js`)).status).toBe(404);
  });

  it('refuses a bad key on the sign-in page, then signs in with a good one', async () => {
    await signIn('ssk_not_a_real_key_at_all_000000');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('unknown or revoked');
    await checkPage('sign-in');
    await signIn(JSON.parse(process.env.SALES_SUITE_E2E_RUN!).adminKey as string);
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Sections' }).innerText()).toMatch(
      /Funnel[\s\S]*Leads[\s\S]*Campaigns[\s\S]*Glossary[\s\S]*CRM/,
    );
    // The key is in sessionStorage, never in the address.
    expect(page.url()).not.toContain('ssk_');
    // What GET /v1/me told the console: who the key is and its scopes, never a secret.
    const me = await api<Record<string, unknown>>('/v1/me');
    expect(me.status).toBe(200);
    expect(Object.keys(me.body).sort()).toEqual(['id', 'name', 'scopes']);
    expect(me.body.scopes).toEqual(['admin']);
  });

  it('shows the funnel of leads made through the API', async () => {
    const lead = await createLead({ source: 'referral' });
    await api(`/v1/leads/${lead}/transitions`, { body: { to: 'engaged' } });
    await open('/funnel?groupBy=source');
    await page.getByRole('figure', { name: 'Leads that reached each stage' }).waitFor();
    expect(await main().innerText()).toMatch(/By source[\s\S]*referral/);
    await checkPage('funnel');
  });

  it('lists leads with filters, and a transition made on the lead page joins its history', async () => {
    const lead = await createLead({ source: 'partner', amount: 4200 });
    await open('/leads?stage=new');
    await page.getByRole('link', { name: lead.slice(0, 8) }).click();
    await page.getByRole('heading', { name: /· New$/ }).waitFor();
    await checkPage('lead');
    // Only the moves the funnel definition allows from `new` are offered.
    const moves = page.getByRole('region', { name: 'Move to' });
    await moves.getByRole('button', { name: 'Engaged' }).click();
    await page.getByRole('heading', { name: /· Engaged$/ }).waitFor();
    expect(await moves.getByRole('button').allInnerTexts()).toEqual(['MQL', 'Closed lost']);
    // Closed lost needs a reason from the picker.
    await expect(moves.getByRole('button', { name: 'Closed lost' }).isDisabled()).resolves.toBe(
      true,
    );
    await moves.getByLabel('Lost reason').selectOption('no_budget');
    await moves.getByRole('button', { name: 'Closed lost' }).click();
    await page.getByRole('heading', { name: /· Closed lost$/ }).waitFor();
    expect(await page.getByRole('region', { name: 'History' }).innerText()).toContain(
      'Engaged → Closed lost (No budget)',
    );
    const history = await api<{ events: { type: string; data: Record<string, unknown> }[] }>(
      `/v1/leads/${lead}/history`,
    );
    expect(
      history.body.events.filter((e) => e.type === 'StageChanged').map((e) => e.data.to),
    ).toEqual(['engaged', 'closed_lost']);
    await open('/leads?stage=closed_lost');
    await page.getByRole('link', { name: lead.slice(0, 8) }).waitFor();
    await checkPage('leads');
  });

  it('shows campaigns and a campaign page with its figures and opens chart', async () => {
    const name = `Console launch ${tag}`;
    const campaign = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name, subject: `Hello <b>${tag}</b>` },
    });
    const sent = await api<{ messages: { id: string; pixelUrl: string }[] }>(
      `/v1/email/campaigns/${campaign.body.id}/messages`,
      {
        body: {
          messages: [1, 2, 3].map((i) => ({ email: `reader${i}.${tag}@console-test.example` })),
        },
      },
    );
    expect(sent.status).toBe(201);
    const [first] = sent.body.messages;
    await fetch(`${gatewayUrl}${new URL(first.pixelUrl).pathname}`, {
      headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120 Safari/537' },
    });
    await eventually(
      async () =>
        (await api<{ totalOpens: number }>(`/v1/email/campaigns/${campaign.body.id}/stats`)).body
          .totalOpens,
      (opens) => opens === 1,
      { timeoutMs: 20_000, intervalMs: 200, description: 'the open counted' },
    );
    await open('/campaigns');
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { name }).waitFor();
    // The subject is text: its markup is shown, never interpreted.
    expect(await main().innerText()).toContain(`Subject: Hello <b>${tag}</b>`);
    await page.getByRole('img', { name: /Opens over time/ }).waitFor();
    expect(await main().innerText()).toMatch(/Sent\s+3/);
    await checkPage('campaign');
    await open('/campaigns');
    await page.getByRole('link', { name }).waitFor();
    await checkPage('campaigns');
  });

  it('finds Sales Champion from "champoin", shows its term page, and annotates a text', async () => {
    await open('/glossary');
    await page.getByRole('combobox', { name: 'Search the glossary' }).fill('champoin');
    await page.getByRole('combobox', { name: 'Search the glossary' }).press('Enter');
    const results = page.getByRole('region', { name: /Results for/ });
    await results.getByRole('link', { name: 'Sales Champion' }).waitFor();
    await checkPage('glossary-search');
    // Highlights are <mark> elements the page made, not markup from the answer.
    await open('/glossary?q=champion');
    await results.getByRole('link', { name: 'Sales Champion' }).waitFor();
    expect(await results.locator('mark').count()).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Search the glossary' }).fill('Sales Cha');
    await page.getByRole('option', { name: /Sales Champion/ }).waitFor();
    await page.getByRole('combobox', { name: 'Search the glossary' }).press('ArrowDown');
    await page.getByRole('combobox', { name: 'Search the glossary' }).press('Enter');
    await page.getByRole('heading', { name: 'Sales Champion', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Revisions' }).getByRole('button').first().waitFor();
    expect(await page.getByRole('region', { name: 'Relations' }).innerText()).toContain(
      'buying-committee',
    );
    await checkPage('glossary-term');
    await open('/glossary');
    await page
      .getByLabel(/Paste a text/)
      .fill('Our sales champion pushed the deal <script>alert(1)</script>.');
    await page.getByRole('button', { name: 'Annotate' }).click();
    const mention = page.locator('.annotated mark', { hasText: /sales champion/i });
    await mention.waitFor();
    expect(await mention.getAttribute('data-definition')).toMatch(/^Sales Champion: /);
    expect(await page.locator('.annotated').innerText()).toContain('<script>alert(1)</script>');
    await checkPage('glossary-annotate');
  });

  it('shows a contact with field provenance, and an import with live progress and its error report', async () => {
    const email = `grace.${tag}@console-test.com`;
    const contact = await api<{ id: string }>('/v1/crm/contacts', {
      body: { email, firstName: 'Grace', lastName: 'Hopper', title: 'VP Engineering' },
    });
    expect(contact.status).toBe(201);
    await open(`/crm/${contact.body.id}`);
    const provenance = page.getByRole('region', { name: 'Fields and their provenance' });
    await provenance.getByRole('row', { name: /Title/ }).waitFor();
    expect(await provenance.innerText()).toMatch(/VP Engineering\s+user/);
    await checkPage('contact');

    const rows = ['Email,First Name,Job Title,Do Not Contact'];
    for (let i = 1; i <= 3000; i++)
      rows.push(
        `row${i}.${tag}@console-import.com,First${i},Head of Sales,${i % 1000 === 0 ? 'maybe' : ''}`,
      );
    await open('/crm');
    await page.getByLabel(/CSV or XLSX file/).setInputFiles({
      name: `contacts-${tag}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(`${rows.join('\n')}\n`),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    const progress = page.locator('progress#import-progress');
    await progress.waitFor();
    await page.getByText(/: completed, 3,000 of 3,000 rows/).waitFor({ timeout: 60_000 });
    expect(await progress.getAttribute('value')).toBe('3000');
    expect(await progress.getAttribute('max')).toBe('3000');
    const report = page.getByRole('group').filter({ hasText: 'Error report (3 rows)' });
    expect(await report.getByRole('row').count()).toBe(4);
    await checkPage('crm-import');
  });

  it('adapts to a key with fewer scopes, says 403 plainly, and signs out a revoked key', async () => {
    const created = await api<{ id: string; key: string }>('/v1/admin/api-keys', {
      body: { name: `console-reader-${tag}`, scopes: ['glossary:read'] },
    });
    expect(created.status).toBe(201);
    await page.evaluate('sessionStorage.clear()');
    await signIn(created.body.key);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.waitFor();
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Glossary']);
    await open('/leads');
    await expect(page.getByRole('alert').innerText()).resolves.toContain(
      'Not allowed with this API key.',
    );
    await checkPage('forbidden');
    expect((await api(`/v1/admin/api-keys/${created.body.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    await eventually(
      async () => (await api('/v1/me', { key: created.body.key })).status,
      (status) => status === 401,
      { description: 'the revoked key refused' },
    );
    await open('/glossary');
    await page.getByLabel('API key').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('refused the API key');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });

  it('stays readable on a 390 px phone screen', async () => {
    await signIn(JSON.parse(process.env.SALES_SUITE_E2E_RUN!).adminKey as string);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/funnel', '/leads', '/glossary?q=champion', '/crm']) {
      await open(path);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      // Wide tables scroll inside their box; the page itself never scrolls sideways.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-crm.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it(`renders the funnel of ${FUNNEL_LEADS.toLocaleString('en-US')} leads (first render measured)`, async () => {
    // Three paths through the funnel (open, won, lost), each copied to a third of the leads.
    const stays = await createLead({ source: 'inbound' });
    const won = await createLead({ source: 'referral' });
    for (const to of ['engaged', 'mql', 'sql', 'opportunity', 'closed_won'])
      expect((await api(`/v1/leads/${won}/transitions`, { body: { to } })).status).toBe(201);
    const lost = await createLead({ source: 'event' });
    for (const body of [{ to: 'engaged' }, { to: 'closed_lost', reason: 'bad_timing' }])
      expect((await api(`/v1/leads/${lost}/transitions`, { body })).status).toBe(201);
    const db = await database();
    const copies: string[] = [];
    try {
      const third = Math.floor(FUNNEL_LEADS / 3);
      copies.push(...(await cloneLead(db, stays, FUNNEL_LEADS - 2 * third - 3)));
      copies.push(...(await cloneLead(db, won, third)));
      copies.push(...(await cloneLead(db, lost, third)));
      await measureFunnel();
    } finally {
      // The run's files share the database: the copies leave with this test (it runs alone, in band).
      for (const table of ['lead_stage_visits', 'lead_events'])
        await db.query(`DELETE FROM funnel.${table} WHERE lead_id = ANY($1)`, [copies]);
      await countInFunnelRollup(db, copies, -1);
      await db.query('DELETE FROM funnel.leads WHERE id = ANY($1)', [copies]);
      await db.end();
    }
  });

  /** Opens the funnel page over every lead of the last day and prints its first render. */
  const measureFunnel = async () => {
    const stats = await api<{ overall: { leads: number } }>(
      `/v1/funnel/stats?from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`,
    );
    expect(stats.status).toBe(200);
    expect(stats.body.overall.leads).toBeGreaterThanOrEqual(FUNNEL_LEADS);
    await open('/funnel?groupBy=source');
    await page.getByRole('figure', { name: 'Leads that reached each stage' }).waitFor();
    const [total, draw] = (await page.evaluate(
      '["funnel:first-render", "funnel:draw"].map((name) => performance.getEntriesByName(name)[0].duration)',
    )) as number[];
    expect(total).toBeGreaterThan(0);
    console.log(
      `console: funnel first render over ${stats.body.overall.leads} leads: ${total.toFixed(0)} ms ` +
        `(request, aggregation and drawing), of which drawing ${draw.toFixed(0)} ms`,
    );
    await checkPage('funnel-10k');
    expect(cspViolations).toEqual([]);
  };
});
