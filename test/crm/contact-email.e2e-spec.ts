import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrationsLocked } from '@sales-suite/persistence';
import { CRM_DATABASE } from '../../apps/crm-enrichment/src/database/crm-enrichment.database';
import {
  EMAIL_MERGE_ACTOR,
  OneContactPerEmail1765000000000,
} from '../../apps/crm-enrichment/src/database/migrations/1765000000000-one-contact-per-email';
import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { e2eRun, ownSubjectPrefix } from '../support/test-env';
import { ImportRow, uploadImport } from './import.harness';
import { eventually } from '../support/eventually';

interface Problem {
  status: number;
  code: string;
  detail: string;
  existingContactId?: string;
  errors?: { field: string; reason: string }[];
}
interface Contact {
  id: string;
  email: string | null;
  firstName: string | null;
  title: string | null;
  city: string | null;
  version: number;
  provenance: Record<string, { source: string; locked: boolean }>;
}

// Two replicas on one database: the email lock and the unique index must hold across processes.
describe('CRM: one valid contact per email', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let db: Client;
  // Emails of this file only: the run's database is shared by every CRM test file.
  const tag = randomBytes(4).toString('hex');
  const address = (local: string) => `${local}.${tag}@contact-email-e2e.com`;

  beforeAll(async () => {
    for (const id of ['crm-email-a', 'crm-email-b'])
      await apps.start('crm-enrichment', {
        env: { ...ownSubjectPrefix('crmemail'), REPLICA_ID: id, CRM_FRESHNESS_INTERVAL_MS: '0' },
      });
    gateway = await apps.start('gateway', { env: ownSubjectPrefix('crmemail') });
    api = apiClient(gateway.url);
    db = new Client({ connectionString: e2eRun().databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await apps.stopAll();
  });

  const create = (body: Record<string, unknown>, query = '') =>
    api<Contact & Problem>(`/v1/crm/contacts${query}`, { body });
  const contactsWith = async (email: string): Promise<string[]> =>
    (
      await db.query(`SELECT id FROM crm.contacts WHERE lower(email) = lower($1)`, [email])
    ).rows.map((row) => row.id as string);
  const contactCount = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM crm.contacts`)).rows[0].n;

  function expectEmailRefused(response: { status: number; headers: Headers; body: unknown }) {
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = response.body as Problem;
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors).toEqual([
      { field: 'email', reason: expect.stringContaining('email is not a valid email address (') },
    ]);
  }

  const INVALID = ['bad@@example', 'a@b', 'jane doe@acme.com', 'jane@example', 'jane@acme.c0m', ''];

  it('refuses an invalid email on create, update and preview with a 400 naming the field, writing nothing', async () => {
    const before = await contactCount();
    for (const email of INVALID) {
      expectEmailRefused(await create({ email, firstName: 'Nobody' }));
      expectEmailRefused(await api('/v1/crm/enrich/preview', { body: { email } }));
    }
    expect(await contactCount()).toBe(before);

    const { body: contact } = await create({ email: address('valid.person') });
    for (const email of INVALID) {
      const patched = await api(`/v1/crm/contacts/${contact.id}`, {
        method: 'PATCH',
        body: { email, title: 'CEO' },
      });
      expectEmailRefused(patched);
    }
    const after = await api<Contact>(`/v1/crm/contacts/${contact.id}`);
    expect(after.body).toMatchObject({ email: contact.email, title: null, version: 1 });
    // A contact may still have no email: null is not an invalid address.
    const cleared = await api<Contact>(`/v1/crm/contacts/${contact.id}`, {
      method: 'PATCH',
      body: { email: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.email).toBeNull();
  });

  it('reports invalid emails of an import per row and imports the other rows', async () => {
    const csv = [
      'Email,First Name',
      `${address('row.two')},Two`,
      'bad@@example,Three',
      `${address('row.four')},Four`,
      'a@b,Five',
      'jane doe@acme.com,Six',
      '',
    ].join('\n');
    const id = await uploadImport(gateway.url, csv);
    const done = await eventually(
      async () => (await db.query(`SELECT * FROM crm.imports WHERE id = $1`, [id])).rows[0],
      (row: ImportRow) => row.status === 'completed' || row.status === 'failed',
    );
    expect(done).toMatchObject({ status: 'completed', total: 5, created: 2, failed: 3 });
    expect(done.errors).toEqual(
      [
        [3, 'local_part_invalid'],
        [5, 'domain_invalid'],
        [6, 'local_part_invalid'],
      ].map(([row, reason]) => ({
        row,
        field: 'email',
        reason: expect.stringContaining(`email is not a valid email address (${reason})`),
      })),
    );
    expect(await contactsWith(address('row.two'))).toHaveLength(1);
    expect(await contactsWith(address('row.four'))).toHaveLength(1);
    expect(await contactsWith('bad@@example')).toEqual([]);
  });

  it('answers 409 naming the contact that has the email (trimmed, case-insensitive), on create and update', async () => {
    const email = address('dana.scully');
    const first = await create({ email, firstName: 'Dana' });
    expect(first.status).toBe(201);
    const again = await create({ email: `  ${email.toUpperCase()} `, firstName: 'Other' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body).toMatchObject({
      status: 409,
      code: 'CRM_CONTACT_EMAIL_TAKEN',
      existingContactId: first.body.id,
      errors: [{ field: 'email', reason: 'another contact already has this email' }],
    });
    expect(again.body.detail).toContain(first.body.id);
    expect(again.body.detail).not.toContain(email);
    expect(await contactsWith(email)).toEqual([first.body.id]);

    const other = await create({ email: address('fox.mulder') });
    const patched = await api<Problem>(`/v1/crm/contacts/${other.body.id}`, {
      method: 'PATCH',
      body: { email: email.toUpperCase(), title: 'Agent' },
    });
    expect(patched.status).toBe(409);
    expect(patched.body).toMatchObject({ existingContactId: first.body.id });
    const unchanged = await api<Contact>(`/v1/crm/contacts/${other.body.id}`);
    expect(unchanged.body).toMatchObject({ email: address('fox.mulder'), title: null, version: 1 });
    // Its own email again is no conflict.
    const same = await api(`/v1/crm/contacts/${other.body.id}`, {
      method: 'PATCH',
      body: { email: address('fox.mulder').toUpperCase() },
    });
    expect(same.status).toBe(200);
  });

  it('?upsert=true merges into the contact with the email (200), keeping what a person set; creates otherwise (201)', async () => {
    const email = address('walter.skinner');
    const first = await create({ email, firstName: 'Walter', title: 'Assistant Director' });
    await uploadImport(gateway.url, `Email,City\n${email},Washington\n`);
    await eventually(
      async () => (await api<Contact>(`/v1/crm/contacts/${first.body.id}`)).body.city,
      (city) => city === 'Washington',
    );

    const merged = await create(
      { email: email.toUpperCase(), firstName: 'Wally', city: 'Baltimore', title: null },
      '?upsert=true',
    );
    expect(merged.status).toBe(200);
    expect(merged.headers.get('location')).toBeNull();
    expect(merged.body).toMatchObject({
      id: first.body.id,
      firstName: 'Walter',
      title: 'Assistant Director',
      city: 'Baltimore',
    });
    expect(merged.body.provenance.city).toMatchObject({ source: 'user', locked: true });
    const history = await api<{ items: { field: string; newValue: unknown; reason: string }[] }>(
      `/v1/crm/contacts/${first.body.id}/history?limit=100`,
    );
    expect(
      history.body.items
        .filter((item) => item.field === 'city')
        .map((item) => [item.newValue, item.reason]),
    ).toEqual([
      ['Washington', 'import'],
      ['Baltimore', 'update'],
    ]);
    expect(await contactsWith(email)).toEqual([first.body.id]);

    const fresh = await create({ email: address('john.doggett') }, '?upsert=true');
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get('location')).toBe(`/v1/crm/contacts/${fresh.body.id}`);
    const bad = await create({ email: address('monica.reyes') }, '?upsert=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field)).toEqual(['upsert']);
  });

  it('20 parallel creates with one email make one contact and 19 × 409 naming it; 20 upserts one contact', async () => {
    const email = address('parallel');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => create({ email, title: `Title ${i}` })),
    );
    const created = answers.filter((answer) => answer.status === 201);
    expect(created).toHaveLength(1);
    const conflicts = answers.filter((answer) => answer.status === 409);
    expect(conflicts).toHaveLength(19);
    for (const conflict of conflicts)
      expect(conflict.body).toMatchObject({
        code: 'CRM_CONTACT_EMAIL_TAKEN',
        existingContactId: created[0].body.id,
      });
    expect(await contactsWith(email)).toEqual([created[0].body.id]);

    const upsertEmail = address('parallel.upsert');
    const upserts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        create({ email: upsertEmail, city: `City ${i}` }, '?upsert=true'),
      ),
    );
    expect(upserts.map((answer) => answer.status).sort()).toEqual([
      ...Array<number>(19).fill(200),
      201,
    ]);
    const ids = await contactsWith(upsertEmail);
    expect(ids).toHaveLength(1);
    expect(new Set(upserts.map((answer) => answer.body.id))).toEqual(new Set(ids));
  });

  it('a writer that takes no email lock (an older replica) loses to the unique index: 409, not 500', async () => {
    const email = address('older.replica');
    const other = new Client({ connectionString: e2eRun().databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      const field = { source: 'import', confidence: 0.9, observedAt: new Date().toISOString() };
      const { rows } = await other.query(
        `INSERT INTO crm.contacts (fields, email_key) VALUES ($1, $2) RETURNING id`,
        [
          JSON.stringify({ email: { value: email, verifiedAt: null, locked: false, ...field } }),
          email,
        ],
      );
      const pending = create({ email });
      // Our insert waits on the uncommitted row's index entry; then the other writer commits.
      await eventually(
        async () =>
          (
            await db.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity
               WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO crm.contacts%'`,
            )
          ).rows[0].n,
        (n) => n > 0,
      );
      await other.query('COMMIT');
      const answer = await pending;
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ existingContactId: rows[0].id });
      expect(await contactsWith(email)).toEqual([rows[0].id]);
    } finally {
      await other.end();
    }
  });

  it('two concurrent imports of the same emails, and creates meanwhile, all complete with one contact per email', async () => {
    const emails = Array.from({ length: 60 }, (_, i) => address(`import.race.${i}`));
    const csv = `Email,Job Title\n${emails.map((email) => `${email},VP Sales`).join('\n')}\n`;
    const [a, b] = await Promise.all([
      uploadImport(gateway.url, csv),
      uploadImport(gateway.url, csv),
    ]);
    const creates = await Promise.all(emails.slice(0, 20).map((email) => create({ email })));
    expect(creates.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true);
    for (const id of [a, b]) {
      const done = await eventually(
        async () => (await db.query(`SELECT * FROM crm.imports WHERE id = $1`, [id])).rows[0],
        (row: ImportRow) => row.status === 'completed' || row.status === 'failed',
        { timeoutMs: 60_000 },
      );
      expect(done).toMatchObject({ status: 'completed', processed: 60, failed: 0 });
    }
    const perEmail = await db.query(
      `SELECT lower(email) AS email, count(*)::int AS n FROM crm.contacts
       WHERE lower(email) = ANY($1::text[]) GROUP BY 1`,
      [emails],
    );
    expect(perEmail.rows).toHaveLength(60);
    expect(perEmail.rows.every((row) => row.n === 1)).toBe(true);
  });

  it('documents the 409, its existingContactId, upsert and the email format in OpenAPI', async () => {
    type Operation = {
      parameters?: { name: string; in: string }[];
      responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
    };
    const docs = await api<{
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>('/docs-json', { key: null });
    const create = docs.body.paths['/v1/crm/contacts'].post;
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['200', '201', '400', '409']),
    );
    const conflict = create.responses['409'].content?.['application/problem+json'].schema.$ref;
    expect(conflict).toBe('#/components/schemas/ContactEmailTakenProblemView');
    expect(docs.body.components.schemas.ContactEmailTakenProblemView.properties).toHaveProperty(
      'existingContactId',
    );
    expect(create.parameters).toContainEqual(
      expect.objectContaining({ name: 'upsert', in: 'query' }),
    );
    expect(
      docs.body.paths['/v1/crm/contacts/{id}'].patch.responses['409'].content?.[
        'application/problem+json'
      ].schema.$ref,
    ).toBe(conflict);
    expect(docs.body.components.schemas.CreateContactDto.properties?.email).toMatchObject({
      format: 'email',
    });
  });

  describe('the migration', () => {
    const name = `${e2eRun().databaseName}_email_merge`;
    const url = new URL(e2eRun().databaseUrl);
    url.pathname = `/${name}`;
    let admin: Client;
    let seeded: Client;

    const migrate = async (migrations: typeof CRM_DATABASE.migrations) => {
      const dataSource = await new DataSource(
        dataSourceOptions(url.toString(), { ...CRM_DATABASE, migrations }, 'contact-email-e2e'),
      ).initialize();
      try {
        await runMigrationsLocked(dataSource, CRM_DATABASE.schema);
      } finally {
        await dataSource.destroy();
      }
    };

    beforeAll(async () => {
      admin = new Client({ connectionString: e2eRun().adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      seeded = new Client({ connectionString: url.toString() });
      await seeded.connect();
    });
    afterAll(async () => {
      await seeded?.end();
      await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin?.end();
    });

    it('merges contacts sharing an email into the oldest, keeping provenance and history, then enforces one per email', async () => {
      // Every migration before this one (later ones may follow it in the list).
      const all = CRM_DATABASE.migrations as unknown[];
      const before = all.slice(0, all.indexOf(OneContactPerEmail1765000000000));
      await migrate(before as typeof CRM_DATABASE.migrations);
      const state = (
        value: string,
        source: string,
        observedAt: string,
        extra: Record<string, unknown> = {},
      ) => ({
        value,
        source,
        confidence: source === 'user' ? 1 : 0.9,
        observedAt,
        verifiedAt: source === 'user' ? observedAt : null,
        locked: source === 'user',
        ...extra,
      });
      const insert = async (
        createdAt: string,
        fields: Record<string, unknown>,
        staleAt: string | null = null,
      ) =>
        (
          await seeded.query(
            `INSERT INTO crm.contacts (fields, email_key, created_at, stale_at) VALUES ($1, $2, $3, $4) RETURNING id`,
            [
              JSON.stringify(fields),
              (fields.email as { value: string } | undefined)?.value.toLowerCase() ?? null,
              createdAt,
              staleAt,
            ],
          )
        ).rows[0].id as string;
      const oldest = await insert(
        '2025-01-01T00:00:00Z',
        {
          email: state('dup@acme.com', 'import', '2025-01-01T00:00:00Z'),
          firstName: state('Dana', 'user', '2025-01-01T00:00:00Z'),
          title: state('Intern', 'import', '2025-01-01T00:00:00Z'),
        },
        '2026-06-01T00:00:00Z',
      );
      const second = await insert(
        '2025-02-01T00:00:00Z',
        {
          email: state('dup@acme.com', 'user', '2025-02-01T00:00:00Z'),
          firstName: state('Danielle', 'import', '2025-02-01T00:00:00Z'),
          title: state('CTO', 'user', '2025-02-01T00:00:00Z'),
        },
        '2026-03-01T00:00:00Z',
      );
      // Stored before emails were checked: kept as given, in another case.
      const third = await insert('2025-03-01T00:00:00Z', {
        email: state('DUP@Acme.com', 'import', '2025-03-01T00:00:00Z'),
        city: state('Berlin', 'import', '2025-03-01T00:00:00Z'),
      });
      const single = await insert('2025-04-01T00:00:00Z', {
        email: state('solo@acme.com', 'import', '2025-04-01T00:00:00Z'),
      });
      const noEmail = [
        await insert('2025-05-01T00:00:00Z', {
          city: state('Paris', 'import', '2025-05-01T00:00:00Z'),
        }),
        await insert('2025-05-02T00:00:00Z', {
          city: state('Rome', 'import', '2025-05-02T00:00:00Z'),
        }),
      ];
      for (const id of [second, third])
        await seeded.query(
          `INSERT INTO crm.field_history (entity_type, entity_id, actor, changes) VALUES ('contact', $1, 'seed', $2)`,
          [
            id,
            JSON.stringify([
              {
                field: 'title',
                oldValue: null,
                newValue: 'x',
                source: 'user',
                confidence: 1,
                reason: 'create',
              },
            ]),
          ],
        );

      await migrate(CRM_DATABASE.migrations);

      const rows = await seeded.query(
        `SELECT id, fields, stale_at FROM crm.contacts ORDER BY created_at`,
      );
      expect(rows.rows.map((row) => row.id)).toEqual([oldest, single, ...noEmail]);
      const survivor = rows.rows[0];
      expect(survivor.fields).toMatchObject({
        email: { value: 'dup@acme.com', source: 'user', locked: true },
        firstName: { value: 'Dana', source: 'user' },
        title: { value: 'CTO', source: 'user' },
        city: { value: 'Berlin', source: 'import' },
        seniority: { value: 'c_suite', source: 'rule:title' },
      });
      // The group's earliest limit: the CTO title's seniority came from the second contact.
      expect(new Date(survivor.stale_at).toISOString()).toBe('2026-03-01T00:00:00.000Z');

      const history = await seeded.query(
        `SELECT h.actor, c->>'field' AS field, c->>'oldValue' AS "oldValue", c->>'source' AS source, c->>'reason' AS reason
         FROM crm.field_history h CROSS JOIN LATERAL jsonb_array_elements(h.changes) c
         WHERE h.entity_id = $1 ORDER BY h.id`,
        [oldest],
      );
      expect(history.rows.filter((row) => row.actor === 'seed')).toHaveLength(2);
      expect(history.rows.filter((row) => row.field === 'mergedContact')).toEqual(
        [second, third].map((id) => ({
          actor: EMAIL_MERGE_ACTOR,
          field: 'mergedContact',
          oldValue: id,
          source: EMAIL_MERGE_ACTOR,
          reason: 'merge',
        })),
      );
      expect(history.rows).toContainEqual(
        expect.objectContaining({ field: 'title', actor: EMAIL_MERGE_ACTOR, reason: 'merge' }),
      );
      const events = await seeded.query(
        `SELECT subject, payload FROM crm.outbox WHERE payload->>'contactId' = $1`,
        [oldest],
      );
      expect(events.rows.map((row) => row.subject)).toContain('crm.contact.updated');

      await expect(
        seeded.query(`INSERT INTO crm.contacts (fields) VALUES ($1)`, [
          JSON.stringify({ email: state('Solo@ACME.com', 'import', '2025-06-01T00:00:00Z') }),
        ]),
      ).rejects.toMatchObject({ code: '23505', constraint: 'contacts_email_unique' });
      await seeded.query(`INSERT INTO crm.contacts (fields) VALUES ('{}'), ('{}')`);
    });
  });
});
