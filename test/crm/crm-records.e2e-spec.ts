import { NatsConnection } from 'nats';
import { Client } from 'pg';
import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';
import { natsConnect, waitForEvents } from './crm-events';

interface Provenance {
  value: unknown;
  source: string;
  confidence: number;
  observedAt: string;
  verifiedAt: string | null;
  locked: boolean;
  invalid?: boolean;
  reason?: string;
}
interface Contact {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  title: string | null;
  seniority: string | null;
  department: string | null;
  phone: string | null;
  phoneE164: string | null;
  phoneType: string | null;
  country: string | null;
  accountId: string | null;
  freeEmail: boolean;
  disposableEmail: boolean;
  roleAccount: boolean;
  provenance: Record<string, Provenance>;
  version: number;
}
interface Account {
  id: string;
  domain: string;
  name: string | null;
  industry: string | null;
  employeeRange: string | null;
  country: string | null;
  provenance: Record<string, Provenance>;
}

describe('CRM contacts and accounts: gateway → NATS → crm-enrichment → PostgreSQL, events via the outbox', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let nc: NatsConnection;
  let db: Client;

  beforeAll(async () => {
    await apps.start('crm-enrichment', { env: { CRM_FRESHNESS_INTERVAL_MS: '0' } });
    gateway = await apps.start('gateway');
    api = apiClient(gateway.url);
    nc = await natsConnect();
    db = new Client({ connectionString: e2eRun().databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await apps.stopAll();
  });

  const create = (body: Record<string, unknown>) => api<Contact>('/v1/crm/contacts', { body });

  it('creates a contact enriched before the answer, with provenance for every field', async () => {
    const response = await create({
      email: '  Jane.Doe@Initech.com ',
      firstName: 'JANE',
      title: 'VP, Sales & Marketing',
      phone: '(415) 555-2671',
      country: 'United States',
      source: 'webinar',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/v1/crm/contacts/${response.body.id}`);
    const contact = response.body;
    expect(contact).toMatchObject({
      email: 'jane.doe@initech.com',
      firstName: 'Jane',
      lastName: 'Doe',
      fullName: 'Jane Doe',
      seniority: 'vp',
      department: 'sales',
      phoneE164: '+14155552671',
      country: 'US',
      freeEmail: false,
      roleAccount: false,
    });
    expect(contact.provenance.firstName).toMatchObject({
      source: 'user',
      locked: true,
      confidence: 1,
    });
    expect(contact.provenance.lastName).toMatchObject({
      source: 'rule:email-name',
      locked: false,
      confidence: 0.4,
    });
    expect(contact.provenance.seniority).toMatchObject({ source: 'rule:title', verifiedAt: null });
    expect(contact.provenance.accountId).toMatchObject({ source: 'rule:email-domain' });
    expect(Date.parse(contact.provenance.seniority.observedAt)).not.toBeNaN();

    // The work-email domain created the account; the company directory filled it in (verified).
    const account = await api<Account>(`/v1/crm/accounts/${contact.accountId}`);
    expect(account.body).toMatchObject({
      domain: 'initech.com',
      name: 'Initech',
      industry: 'Software',
      employeeRange: '201-500',
      country: 'US',
    });
    expect(account.body.provenance.name).toMatchObject({ source: 'provider:company-directory' });
    expect(account.body.provenance.name.verifiedAt).not.toBeNull();

    const got = await api<Contact>(`/v1/crm/contacts/${contact.id}`);
    expect(got.body).toEqual(contact);
  });

  it('never links free-mail addresses to an account, and flags disposable and role addresses', async () => {
    const free = await create({ email: 'someone@gmail.com' });
    expect(free.body).toMatchObject({ freeEmail: true, accountId: null });
    const disposable = await create({ email: 'x@mailinator.com' });
    expect(disposable.body).toMatchObject({ disposableEmail: true, accountId: null });
    const role = await create({ email: 'sales@globex.com' });
    expect(role.body).toMatchObject({ roleAccount: true, firstName: null });
    expect(role.body.accountId).not.toBeNull();
    const unknownCompany = await create({ email: 'amy.pond@tardis-repairs.co.uk' });
    const account = await api<Account>(`/v1/crm/accounts/${unknownCompany.body.accountId}`);
    expect(account.body).toMatchObject({
      domain: 'tardis-repairs.co.uk',
      name: 'Tardis Repairs',
      industry: null,
    });
    expect(account.body.provenance.name).toMatchObject({ source: 'rule:domain', confidence: 0.3 });
  });

  it('keeps malformed phones and countries as given, flagged invalid with a reason (not a 400, not a 500)', async () => {
    const response = await create({
      email: 'john.doe@acme-malformed.com',
      phone: '555-01',
      country: 'Atlantis',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ phone: '555-01', phoneE164: null });
    expect(response.body.provenance.phone).toMatchObject({
      invalid: true,
      reason: 'invalid_country',
    });
    expect(response.body.provenance.country).toMatchObject({
      value: 'Atlantis',
      invalid: true,
      reason: 'unknown_country',
    });
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const before = await db.query('SELECT count(*)::int AS n FROM crm.contacts');
    const response = await create({
      email: 42,
      title: 'x'.repeat(201),
      accountId: 'not-a-uuid',
      color: 'red',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const fields = [
      ...new Set(
        (response.body as unknown as { errors: { field: string }[] }).errors.map((e) => e.field),
      ),
    ].sort();
    expect(fields).toEqual(['accountId', 'color', 'email', 'title']);
    const unknownAccount = await create({
      email: 'a@b.com',
      accountId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownAccount.status).toBe(404);
    expect(unknownAccount.body).toMatchObject({ code: 'CRM_ACCOUNT_NOT_FOUND' });
    const after = await db.query('SELECT count(*)::int AS n FROM crm.contacts');
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect((await api('/v1/crm/contacts/00000000-0000-4000-8000-000000000000')).body).toMatchObject(
      {
        status: 404,
        code: 'CRM_CONTACT_NOT_FOUND',
      },
    );
  });

  it('a person’s value beats enrichment; enrichment replaces only its own or lower values; history keeps every change', async () => {
    const { body: contact } = await create({
      email: 'peter.gibbons@initech.com',
      title: 'Software Engineer',
    });
    expect(contact.seniority).toBe('entry');
    // The title changes: the rule's seniority follows it.
    const promoted = await api<Contact>(`/v1/crm/contacts/${contact.id}`, {
      method: 'PATCH',
      body: { title: 'Director of Engineering' },
    });
    expect(promoted.body).toMatchObject({
      seniority: 'director',
      department: 'engineering',
      version: 2,
    });
    // A person sets the seniority: the rule no longer touches it, even when the title changes.
    await api(`/v1/crm/contacts/${contact.id}`, {
      method: 'PATCH',
      body: { seniority: 'vp' },
    }).then((r) => expect(r.status).toBe(400));
    const cleared = await api<Contact>(`/v1/crm/contacts/${contact.id}`, {
      method: 'PATCH',
      body: { lastName: 'Gibbons-Smith', phone: null },
    });
    expect(cleared.body.lastName).toBe('Gibbons-Smith');
    expect(cleared.body.provenance.lastName).toMatchObject({ source: 'user', locked: true });
    const reenriched = await api<Contact>(`/v1/crm/contacts/${contact.id}/enrich`, {
      method: 'POST',
    });
    expect(reenriched.status).toBe(200);
    expect(reenriched.body.lastName).toBe('Gibbons-Smith');
    expect(reenriched.body.provenance.phone).toMatchObject({
      value: null,
      source: 'user',
      locked: true,
    });

    const history = await api<{
      items: {
        field: string;
        oldValue: unknown;
        newValue: unknown;
        source: string;
        reason: string;
        actor: string;
      }[];
    }>(`/v1/crm/contacts/${contact.id}/history?limit=100`);
    expect(history.status).toBe(200);
    const seniority = history.body.items.filter((item) => item.field === 'seniority');
    expect(
      seniority.map((item) => [item.oldValue, item.newValue, item.source, item.reason]),
    ).toEqual([
      [null, 'entry', 'rule:title', 'enrich'],
      ['entry', 'director', 'rule:title', 'enrich'],
    ]);
    const lastName = history.body.items.filter((item) => item.field === 'lastName');
    expect(lastName.map((item) => [item.newValue, item.source, item.reason])).toEqual([
      ['Gibbons', 'rule:email-name', 'enrich'],
      ['Gibbons-Smith', 'user', 'update'],
    ]);
    expect(history.body.items[0].actor).toBe('bootstrap-admin');
  });

  it('lists with filters and a stable cursor', async () => {
    for (const [email, title] of [
      ['a.one@globex.com', 'CFO'],
      ['b.two@globex.com', 'Financial Analyst'],
      ['c.three@globex.com', 'Controller'],
    ])
      await create({ email, title, country: 'DE', ownerId: 'owner-list-test' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Contact[]; nextCursor: string | null } } =
        await api(
          `/v1/crm/contacts?ownerId=owner-list-test&department=finance&country=DE&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item) => item.email!));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['c.three@globex.com', 'b.two@globex.com', 'a.one@globex.com']);
    const cSuite = await api<{ items: Contact[] }>(
      '/v1/crm/contacts?ownerId=owner-list-test&seniority=c_suite&department=finance',
    );
    expect(cSuite.body.items.map((item) => item.email)).toEqual(['a.one@globex.com']);
    expect((await api('/v1/crm/contacts?seniority=boss')).status).toBe(400);
    expect((await api('/v1/crm/contacts?cursor=bm9wZQ')).status).toBe(400);
  });

  it('publishes crm.contact.updated, crm.contact.enriched and crm.account.updated through the outbox', async () => {
    const { body: contact } = await create({
      email: 'milton.waddams@initech.com',
      title: 'Collator',
    });
    await api(`/v1/crm/contacts/${contact.id}`, {
      method: 'PATCH',
      body: { title: 'Head of Staplers' },
    });
    const events = await waitForEvents(
      nc,
      (all) => all.filter((event) => event.data.contactId === contact.id).length >= 4,
    );
    const mine = events.filter((event) => event.data.contactId === contact.id);
    expect(mine.map((event) => event.subject)).toEqual([
      'crm.contact.updated',
      'crm.contact.enriched',
      'crm.contact.updated',
      'crm.contact.enriched',
    ]);
    const enriched = mine.find((event) => event.subject === 'crm.contact.enriched')!;
    expect(enriched.data).toMatchObject({
      accountId: contact.accountId,
      email: 'milton.waddams@initech.com',
      fit: { industry: 'Software', employeeRange: '201-500', country: 'US', freeEmail: false },
    });
    expect(enriched.data.changedFields).toEqual(
      expect.arrayContaining(['seniority', 'department', 'firstName', 'accountId']),
    );
    const titleChange = mine.filter((event) => event.subject === 'crm.contact.updated')[1];
    expect(titleChange?.data.changedFields).toEqual(['title']);
    expect(
      events.some(
        (event) => event.subject === 'crm.account.updated' && event.data.domain === 'initech.com',
      ),
    ).toBe(true);
  });

  it('previews enrichment without storing anything', async () => {
    const before = await db.query(
      'SELECT (SELECT count(*) FROM crm.contacts) + (SELECT count(*) FROM crm.accounts) AS n',
    );
    const preview = await api<{
      contact: Record<string, unknown>;
      account: Record<string, unknown>;
    }>('/v1/crm/enrich/preview', {
      body: {
        email: 'eldon.tyrell@tyrell.com',
        title: 'Chief Revenue Officer',
        phone: '+44 20 7946 0958',
      },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.contact).toMatchObject({
      seniority: 'c_suite',
      department: 'sales',
      firstName: 'Eldon',
      phoneE164: '+442079460958',
      country: 'GB',
    });
    expect(preview.body.account).toMatchObject({
      id: null,
      domain: 'tyrell.com',
      name: 'Tyrell Corporation',
      industry: 'Biotechnology',
    });
    const after = await db.query(
      'SELECT (SELECT count(*) FROM crm.contacts) + (SELECT count(*) FROM crm.accounts) AS n',
    );
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('finds duplicates and merges them keeping the best-provenance values and both histories', async () => {
    const first = await create({ email: 'Sam.Lee+crm@gmail.com', title: 'Engineer' });
    const second = await create({
      email: 'samlee@gmail.com',
      firstName: 'Samuel',
      phone: '+1 415 555 2671',
    });
    const third = await create({
      email: 'michael.bolton@initech.com',
      firstName: 'Michael',
      lastName: 'Bolton',
    });
    const fourth = await create({
      email: 'mbolton@initech.com',
      firstName: 'michael',
      lastName: 'bolton',
    });
    type Groups = { groups: { reason: string; key: string; contactIds: string[] }[] };
    // Other test files import many contacts into this run's database: list duplicates by account
    // where one is given, so their groups cannot crowd these out of the bounded answer.
    const byEmail = await api<Groups>('/v1/crm/contacts/duplicates');
    expect(byEmail.body.groups).toEqual(
      expect.arrayContaining([
        { reason: 'email', key: 'samlee@gmail.com', contactIds: [first.body.id, second.body.id] },
      ]),
    );
    const atInitech = await api<Groups>(
      `/v1/crm/contacts/duplicates?accountId=${third.body.accountId}`,
    );
    expect(atInitech.body.groups).toEqual([
      {
        reason: 'name_at_account',
        key: `${third.body.accountId}:michael bolton`,
        contactIds: [third.body.id, fourth.body.id],
      },
    ]);

    const merged = await api<Contact>('/v1/crm/contacts/merge', {
      body: { primaryId: first.body.id, duplicateIds: [second.body.id] },
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      id: first.body.id,
      firstName: 'Samuel',
      title: 'Engineer',
      phoneE164: '+14155552671',
    });
    expect(merged.body.provenance.firstName).toMatchObject({ source: 'user' });
    expect((await api(`/v1/crm/contacts/${second.body.id}`)).status).toBe(404);
    const history = await api<{ items: { field: string; oldValue: unknown; reason: string }[] }>(
      `/v1/crm/contacts/${first.body.id}/history?limit=100`,
    );
    const fields = history.body.items.map((item) => item.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'phone', 'mergedContact']));
    expect(history.body.items.find((item) => item.field === 'mergedContact')).toMatchObject({
      oldValue: second.body.id,
      reason: 'merge',
    });

    const self = await api('/v1/crm/contacts/merge', {
      body: { primaryId: first.body.id, duplicateIds: [first.body.id] },
    });
    expect(self.status).toBe(400);
    const gone = await api('/v1/crm/contacts/merge', {
      body: { primaryId: first.body.id, duplicateIds: [second.body.id] },
    });
    expect(gone.status).toBe(404);
  });

  it('accounts: CRUD with a unique registrable domain, provenance and history', async () => {
    const created = await api<Account>('/v1/crm/accounts', {
      body: { domain: 'https://www.Vandelay.com/about', industry: 'Latex' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      domain: 'vandelay.com',
      name: 'Vandelay Industries',
      industry: 'Latex',
      employeeRange: '11-50',
    });
    expect(created.body.provenance.industry).toMatchObject({ source: 'user', locked: true });
    const duplicate = await api('/v1/crm/accounts', { body: { domain: 'vandelay.com' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'CRM_ACCOUNT_DOMAIN_TAKEN' });
    const updated = await api<Account>(`/v1/crm/accounts/${created.body.id}`, {
      method: 'PATCH',
      body: { country: 'Deutschland' },
    });
    expect(updated.body.country).toBe('DE');
    const list = await api<{ items: Account[] }>('/v1/crm/accounts?domain=vandelay.com');
    expect(list.body.items.map((item) => item.id)).toEqual([created.body.id]);
    const history = await api<{ items: { field: string; newValue: unknown; source: string }[] }>(
      `/v1/crm/accounts/${created.body.id}/history`,
    );
    expect(
      history.body.items
        .filter((item) => item.field === 'country')
        .map((item) => [item.newValue, item.source]),
    ).toEqual([
      ['US', 'provider:company-directory'],
      ['DE', 'user'],
    ]);
    expect((await api('/v1/crm/accounts', { body: { domain: 'localhost' } })).status).toBe(400);
  });

  it('deletes a contact', async () => {
    const { body } = await create({ email: 'temp@example.org' });
    expect((await api(`/v1/crm/contacts/${body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/v1/crm/contacts/${body.id}`, { method: 'DELETE' })).status).toBe(404);
  });
});
