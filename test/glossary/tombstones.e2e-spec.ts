import { AppSet, RunningApp } from '../support/apps';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';
import { metricValue } from '../support/metrics';
import { glossaryEvents, sql, Term } from './glossary-helpers';

type Api = ReturnType<typeof apiClient>;

// Slugs of this file only: the run's database is shared with the other glossary test files.
const SLUG = 'tombstone-huddle';
const ANCHOR = 'tombstone-anchor';
const TEXT = 'After the win room huddle we sent the proposal.';

interface Revision {
  n: number;
  action: string;
}

describe('glossary tombstones: a deleted term keeps its history and can be restored', () => {
  const apps = new AppSet();
  let replicas: RunningApp[];
  let writer: Api;
  /** A second gateway: its term cache follows the events of writes made through the first. */
  let reader: Api;
  let deletedVersion: number;

  beforeAll(async () => {
    replicas = await Promise.all([apps.start('glossary'), apps.start('glossary')]);
    const env = { RATE_LIMIT_PER_MINUTE: '1000000' };
    const gateways = await Promise.all([
      apps.start('gateway', { env }),
      apps.start('gateway', { env }),
    ]);
    [writer, reader] = gateways.map((gateway) => apiClient(gateway.url));
    for (const body of [
      {
        slug: ANCHOR,
        name: 'Win Room',
        definition: 'A standing meeting on deals about to close.',
        tags: ['tombstone'],
      },
      {
        slug: SLUG,
        name: 'Win Room Huddle',
        definition: 'A short daily check on the deals in the win room.',
        category: 'Tombstone tests',
        tags: ['tombstone'],
        relations: [{ type: 'broader', slug: ANCHOR }],
      },
    ])
      expect((await writer('/v1/glossary/terms', { body })).status).toBe(201);
  });
  afterAll(() => apps.stopAll());

  const searchSlugs = async () =>
    (
      await reader<{ items: { slug: string }[] }>('/v1/glossary/search?q=win+room+huddle')
    ).body.items.map((hit) => hit.slug);
  const annotatedSlugs = async () =>
    (
      await reader<{ mentions: { slug: string }[] }>('/v1/glossary/annotate', {
        body: { text: TEXT },
      })
    ).body.mentions.map((mention) => mention.slug);
  const served = (app: RunningApp, subject: string) =>
    metricValue(app, 'nats_server_requests_total', { subject, outcome: 'ok' });

  /**
   * Asks search and annotate in batches until, on every replica, a batch it took part in
   * answered as `expected` says (each replica's own cache and automaton have followed).
   */
  async function everyReplicaAnswers(expected: (slugs: string[]) => boolean): Promise<void> {
    for (const [subject, ask] of [
      ['glossary.search', searchSlugs],
      ['glossary.annotate', annotatedSlugs],
    ] as const) {
      const fresh = new Set<RunningApp>();
      await eventually(
        async () => {
          const before = await Promise.all(replicas.map((app) => served(app, subject)));
          const answers = await Promise.all(Array.from({ length: 6 }, () => ask()));
          const after = await Promise.all(replicas.map((app) => served(app, subject)));
          if (answers.every(expected))
            replicas.forEach((app, i) => after[i] > before[i] && fresh.add(app));
          return fresh.size === replicas.length;
        },
        { intervalMs: 50, description: `${subject} answering as expected on every replica` },
      );
    }
  }

  /** Reads the term through the second gateway until it answers `status` (its cache followed). */
  async function readerSees(status: number): Promise<Term> {
    const response = await eventually(
      () => reader<Term>(`/v1/glossary/terms/${SLUG}`),
      (answer) => answer.status === status,
      { intervalMs: 50, description: `GET ${SLUG} through the second gateway answering ${status}` },
    );
    return response.body;
  }

  it('deletes a term: gone from reads, search, annotate and both gateways, its revisions kept', async () => {
    await everyReplicaAnswers((slugs) => slugs.includes(SLUG));
    const current = await readerSees(200); // now cached by the second gateway
    deletedVersion = current.version;
    const deleted = await writer(`/v1/glossary/terms/${SLUG}`, {
      method: 'DELETE',
      headers: { 'if-match': `"${current.version}"` },
    });
    expect(deleted.status).toBe(204);

    const gone = await readerSees(404);
    expect(JSON.stringify(gone)).toContain(`/v1/glossary/terms/${SLUG}/restore`);
    await everyReplicaAnswers((slugs) => !slugs.includes(SLUG));
    const anchor = await writer<Term>(`/v1/glossary/terms/${ANCHOR}`);
    expect(anchor.body.relations).toEqual([]);
    const plain = await writer<{ items: Term[] }>('/v1/glossary/terms?category=Tombstone+tests');
    expect(plain.body.items).toEqual([]);
    const exported = await writer<Term[]>('/v1/glossary/export?format=json');
    expect(exported.body.map((term) => term.slug)).not.toContain(SLUG);

    const revisions = await reader<{ items: Revision[] }>(`/v1/glossary/terms/${SLUG}/revisions`);
    expect(revisions.status).toBe(200);
    expect(revisions.body.items.map((revision) => revision.n)).toEqual([1]);
    const last = await reader<{ term: Term }>(`/v1/glossary/terms/${SLUG}/revisions/1`);
    expect(last.status).toBe(200);
    expect(last.body.term).toMatchObject({
      slug: SLUG,
      relations: [{ type: 'broader', slug: ANCHOR }],
    });
  });

  it('lists deleted terms with includeDeleted, as their last revision left them', async () => {
    const listed = await writer<{ items: (Term & { deletedAt?: string })[] }>(
      '/v1/glossary/terms?category=Tombstone+tests&includeDeleted=true',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        slug: SLUG,
        name: 'Win Room Huddle',
        tags: ['tombstone'],
        version: deletedVersion,
        deletedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
    // Live and deleted terms merge into one slug-ordered, cursor-paged list.
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Term[]; nextCursor: string | null } } = await writer(
        `/v1/glossary/terms?tag=tombstone&includeDeleted=true&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      pages.push(...page.body.items.map((term) => term.slug));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual([ANCHOR, SLUG]);
    const refused = await writer('/v1/glossary/terms?includeDeleted=maybe');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('includeDeleted');
  });

  it("refuses a new term with a deleted term's slug, naming restore", async () => {
    const taken = await writer<{ detail: string }>('/v1/glossary/terms', {
      body: { slug: SLUG, name: 'Another', definition: 'Something else.' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toContain(`/v1/glossary/terms/${SLUG}/restore`);
  });

  it('restores from the last revision as a new revision; every cache follows', async () => {
    const restored = await writer<Term>(`/v1/glossary/terms/${SLUG}/restore`, { method: 'POST' });
    expect(restored.status).toBe(200);
    expect(restored.headers.get('etag')).toBe(`"${deletedVersion + 1}"`);
    expect(restored.body).toMatchObject({
      slug: SLUG,
      name: 'Win Room Huddle',
      version: deletedVersion + 1,
      relations: [{ type: 'broader', slug: ANCHOR }],
    });
    expect((await readerSees(200)).version).toBe(deletedVersion + 1);
    await everyReplicaAnswers((slugs) => slugs.includes(SLUG));
    const anchor = await writer<Term>(`/v1/glossary/terms/${ANCHOR}`);
    expect(anchor.body.relations).toEqual([{ type: 'narrower', slug: SLUG }]);

    const revisions = await writer<{ items: Revision[] }>(`/v1/glossary/terms/${SLUG}/revisions`);
    expect(revisions.body.items.map(({ n, action }) => ({ n, action }))).toEqual([
      { n: 1, action: 'created' },
      { n: 2, action: 'restored' },
    ]);
    const listed = await writer<{ items: (Term & { deletedAt?: string })[] }>(
      '/v1/glossary/terms?category=Tombstone+tests&includeDeleted=true',
    );
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].deletedAt).toBeUndefined();
    expect(await sql(`SELECT 1 FROM glossary.deleted_terms WHERE slug = $1`, [SLUG])).toEqual([]);

    const events = await glossaryEvents(SLUG, (seen) =>
      seen.some((event) => event.subject === 'glossary.term.restored'),
    );
    expect(events.map((event) => event.subject)).toEqual([
      'glossary.term.created',
      'glossary.term.deleted',
      'glossary.term.restored',
    ]);
  });

  it('answers 409 for a live term and 404 for a slug no term ever had', async () => {
    const live = await writer<{ detail: string }>(`/v1/glossary/terms/${SLUG}/restore`, {
      method: 'POST',
    });
    expect(live.status).toBe(409);
    expect(live.body.detail).toContain('not deleted');
    const never = await writer(`/v1/glossary/terms/tombstone-never/restore`, { method: 'POST' });
    expect(never.status).toBe(404);
    const readOnly = await writer(`/v1/glossary/terms/${SLUG}/restore`, {
      method: 'POST',
      key: null,
    });
    expect(readOnly.status).toBe(401);
  });

  it('refuses an import row with a deleted slug, naming the row, importing nothing', async () => {
    await deleteTerm('tombstone-import-ghost', {
      name: 'Import Ghost',
      definition: 'Deleted first.',
    });
    const imported = await writer<{ code: string; row: number; errors: { field: string }[] }>(
      '/v1/glossary/import',
      {
        body: [
          { slug: 'tombstone-import-ok', name: 'Fine', definition: 'A new term.' },
          { slug: 'tombstone-import-ghost', name: 'Again', definition: 'Reuses a deleted slug.' },
        ],
      },
    );
    expect(imported.status).toBe(409);
    expect(imported.body).toMatchObject({
      code: 'GLOSSARY_SLUG_TAKEN',
      row: 2,
      errors: [{ field: 'rows.2.slug' }],
    });
    expect((await writer('/v1/glossary/terms/tombstone-import-ok')).status).toBe(404);
  });

  it('restores without the links to terms deleted since, and says so in the revision', async () => {
    const desk = await writer<Term>('/v1/glossary/terms', {
      body: { slug: 'tombstone-scribe-desk', name: 'Scribe Desk', definition: 'Takes call notes.' },
    });
    expect(desk.status).toBe(201);
    await deleteTerm('tombstone-scribe-note', {
      name: 'Scribe Note',
      definition: 'A note the scribe desk writes.',
      relations: [{ type: 'related', slug: 'tombstone-scribe-desk' }],
    });
    // The desk lost its link to the deleted note: its current version is a `linked` one.
    const linked = await writer<Term>('/v1/glossary/terms/tombstone-scribe-desk');
    expect(linked.body.version).toBe(desk.body.version + 2);
    const deskDeleted = await writer('/v1/glossary/terms/tombstone-scribe-desk', {
      method: 'DELETE',
      headers: { 'if-match': `"${linked.body.version}"` },
    });
    expect(deskDeleted.status).toBe(204);

    const restored = await writer<Term>('/v1/glossary/terms/tombstone-scribe-note/restore', {
      method: 'POST',
    });
    expect(restored.status).toBe(200);
    expect(restored.body.relations).toEqual([]);
    const revisions = await writer<{ items: (Revision & { changes: unknown[] })[] }>(
      '/v1/glossary/terms/tombstone-scribe-note/revisions',
    );
    expect(revisions.body.items[revisions.body.items.length - 1]).toMatchObject({
      action: 'restored',
      changes: [
        { field: 'relations', from: [{ type: 'related', slug: 'tombstone-scribe-desk' }], to: [] },
      ],
    });
  });

  /** Creates a term and deletes it at once. */
  async function deleteTerm(slug: string, fields: Record<string, unknown>): Promise<void> {
    const created = await writer<Term>('/v1/glossary/terms', { body: { slug, ...fields } });
    expect(created.status).toBe(201);
    const deleted = await writer(`/v1/glossary/terms/${slug}`, {
      method: 'DELETE',
      headers: { 'if-match': `"${created.body.version}"` },
    });
    expect(deleted.status).toBe(204);
  }
});
