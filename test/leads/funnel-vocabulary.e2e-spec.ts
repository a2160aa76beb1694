import { Client } from 'pg';
import { AppSet, RunningApp } from '../support/apps';
import { eventually } from '../support/eventually';
import { apiClient } from '../support/http';
import { database, EventPublisher } from './lead-funnel.harness';

type Api = ReturnType<typeof apiClient>;

interface LinkView {
  termSlug: string;
  term: { name: string; definition: string; status: string } | null;
}
interface Definition {
  version: number;
  transitions: { from: string; to: string[] }[];
  lostReasons: string[];
  stages: (LinkView & { stage: string })[];
  lostReasonTerms: (LinkView & { reason: string })[];
  termsAvailable: boolean;
}
interface TermBody {
  slug: string;
  name: string;
  version: number;
  usedBy?: { service: string; description: string }[];
}

// Slugs of this file only: the run's database is shared with the other test files.
const BUDGET = 'vocab-no-budget';
const LOST_DEAL = 'vocab-lost-deal';
const SQL_OLD = 'vocab-sales-qualified';
const SQL_NEW = 'vocab-sales-accepted';
const CLOSED_LOST_DEFINITION =
  'A Closed Lost is a term used in sales to indicate that a potential deal with a prospect has ended, and the sale will not be made.';

describe('funnel vocabulary: stages and lost reasons named by glossary terms', () => {
  const apps = new AppSet();
  let api: Api;
  let glossary: RunningApp;
  let db: Client;
  let original: Definition;

  beforeAll(async () => {
    glossary = await apps.start('glossary');
    await apps.start('lead-funnel');
    const gateway = await apps.start('gateway', {
      env: { NATS_REQUEST_TIMEOUT_MS: '10000', RATE_LIMIT_PER_MINUTE: '100000' },
    });
    api = apiClient(gateway.url);
    db = await database();
    for (const [slug, name] of [
      [BUDGET, 'No Budget'],
      [LOST_DEAL, 'Lost Deal'],
      [SQL_OLD, 'Sales Qualified'],
      [SQL_NEW, 'Sales Accepted'],
    ]) {
      const created = await api('/v1/glossary/terms', {
        body: { slug, name, definition: `${name}, as the funnel tests define it.` },
      });
      expect(created.status).toBe(201);
    }
    original = (await api<Definition>('/v1/funnel/definition')).body;
  });
  afterAll(async () => {
    await db?.end();
    await apps.stopAll();
  });

  const definition = async () => (await api<Definition>('/v1/funnel/definition')).body;
  const usedBy = async (slug: string) =>
    (await api<TermBody>(`/v1/glossary/terms/${slug}`)).body.usedBy ?? [];
  const put = (body: Record<string, unknown>) =>
    api<Definition & { errors?: { field: string; reason: string }[] }>('/v1/funnel/definition', {
      method: 'PUT',
      body: { transitions: original.transitions, lostReasons: original.lostReasons, ...body },
    });
  const versionsByGlossary = async () =>
    Number(
      (
        await db.query(
          `SELECT count(*) AS n FROM funnel.funnel_definitions WHERE created_by = 'glossary'`,
        )
      ).rows[0].n,
    );

  it('links closed_lost to the seed term and shows its name and definition', async () => {
    expect(original.termsAvailable).toBe(true);
    expect(original.stages).toContainEqual({
      stage: 'closed_lost',
      termSlug: 'closed-lost',
      term: { name: 'Closed Lost', definition: CLOSED_LOST_DEFINITION, status: 'approved' },
    });
  });

  it('the glossary shows the use and refuses to delete or deprecate the term without a replacement', async () => {
    await eventually(
      () => usedBy('closed-lost'),
      (uses) => uses.length > 0,
      {
        description: 'closed-lost used by the funnel',
      },
    );
    expect(await usedBy('closed-lost')).toEqual([
      { service: 'lead-funnel', description: 'funnel stage closed_lost' },
    ]);
    const deleted = await api('/v1/glossary/terms/closed-lost', {
      method: 'DELETE',
      headers: { 'if-match': '*' },
    });
    expect(deleted.status).toBe(409);
    expect(deleted.body.detail).toContain('funnel stage closed_lost');
    expect(deleted.body.usedBy).toEqual([
      { service: 'lead-funnel', description: 'funnel stage closed_lost' },
    ]);
    const deprecated = await api('/v1/glossary/terms/closed-lost', {
      method: 'PATCH',
      headers: { 'if-match': '*' },
      body: { status: 'deprecated' },
    });
    expect(deprecated.status).toBe(409);
    expect((await api<TermBody>('/v1/glossary/terms/closed-lost')).status).toBe(200);
  });

  it('refuses links to unknown terms naming the field, and saves known ones', async () => {
    const unknown = await put({
      stages: [
        { stage: 'closed_lost', termSlug: 'closed-lost' },
        { stage: 'sql', termSlug: SQL_OLD },
        { stage: 'mql', termSlug: 'vocab-no-such-term' },
      ],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      { field: 'stages.2.termSlug', reason: 'no glossary term "vocab-no-such-term"' },
    ]);
    const foreignReason = await put({ lostReasonTerms: [{ reason: 'spam', termSlug: BUDGET }] });
    expect(foreignReason.status).toBe(400);
    expect(foreignReason.body.errors).toEqual([
      { field: 'lostReasonTerms.0.reason', reason: 'spam is not one of lostReasons' },
    ]);
    expect((await definition()).version).toBe(original.version);

    const saved = await put({
      stages: [
        { stage: 'closed_lost', termSlug: 'closed-lost' },
        { stage: 'sql', termSlug: SQL_OLD },
      ],
      lostReasonTerms: [{ reason: 'no_budget', termSlug: BUDGET }],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(original.version + 1);
    expect(saved.body.lostReasonTerms).toEqual([
      {
        reason: 'no_budget',
        termSlug: BUDGET,
        term: {
          name: 'No Budget',
          definition: 'No Budget, as the funnel tests define it.',
          status: 'draft',
        },
      },
    ]);
    await eventually(
      () => usedBy(BUDGET),
      (uses) => uses.length > 0,
      {
        description: `${BUDGET} used by the funnel`,
      },
    );
    expect(await usedBy(BUDGET)).toEqual([
      { service: 'lead-funnel', description: 'funnel lost reason no_budget' },
    ]);
  });

  it('shows a term as the glossary has it now: a renamed term reads renamed at once', async () => {
    const renamed = await api<TermBody>(`/v1/glossary/terms/${BUDGET}`, {
      method: 'PATCH',
      headers: { 'if-match': '*' },
      body: { name: 'No Budget Left' },
    });
    expect(renamed.status).toBe(200);
    const read = await definition();
    expect(read.lostReasonTerms[0]).toMatchObject({
      termSlug: BUDGET,
      term: { name: 'No Budget Left' },
    });
  });

  it('moves the links to the replacement of a deleted or deprecated term, once', async () => {
    const before = await versionsByGlossary();
    const deleted = await api(`/v1/glossary/terms/${BUDGET}?replacedBy=${LOST_DEAL}`, {
      method: 'DELETE',
      headers: { 'if-match': '*' },
    });
    expect(deleted.status).toBe(204);
    // The replacement is guarded at once, before the funnel's next snapshot arrives.
    const guarded = await api(`/v1/glossary/terms/${LOST_DEAL}`, {
      method: 'DELETE',
      headers: { 'if-match': '*' },
    });
    expect(guarded.status).toBe(409);
    const moved = await eventually(
      definition,
      (read) => read.lostReasonTerms[0]?.termSlug === LOST_DEAL,
      { description: 'no_budget linked to the replacement' },
    );
    expect(moved.lostReasonTerms).toEqual([
      {
        reason: 'no_budget',
        termSlug: LOST_DEAL,
        term: expect.objectContaining({ name: 'Lost Deal' }),
      },
    ]);

    // The same replacement delivered again (a new message id, so no inbox or stream dedupe):
    // the definition no longer links the old slug, so nothing changes.
    const publisher = await EventPublisher.connect();
    try {
      await publisher.publish(
        'glossary.term.deleted',
        { slug: BUDGET, version: 2, replacedBy: LOST_DEAL },
        `vocabulary-replay-${Date.now()}`,
      );
    } finally {
      await publisher.close();
    }
    // A later replacement, handled after the replay (one consumer, in order): once it shows, the
    // replay was handled too.
    const deprecated = await api(`/v1/glossary/terms/${SQL_OLD}`, {
      method: 'PATCH',
      headers: { 'if-match': '*' },
      body: { status: 'deprecated', replacedBy: SQL_NEW },
    });
    expect(deprecated.status).toBe(200);
    await eventually(
      definition,
      (read) => read.stages.some((link) => link.stage === 'sql' && link.termSlug === SQL_NEW),
      { description: 'sql linked to the replacement' },
    );
    expect((await versionsByGlossary()) - before).toBe(2);
    await eventually(
      () => usedBy(SQL_NEW),
      (uses) => uses.length > 0,
      {
        description: `${SQL_NEW} used by the funnel`,
      },
    );
    expect(await usedBy(SQL_OLD)).toEqual([]);

    const deprecatedLink = await put({
      stages: [{ stage: 'mql', termSlug: SQL_OLD }],
    });
    expect(deprecatedLink.status).toBe(422);
    expect(deprecatedLink.body.errors).toEqual([
      {
        field: 'stages.0.termSlug',
        reason: `glossary term "${SQL_OLD}" is deprecated; use "${SQL_NEW}"`,
      },
    ]);
  });

  it('with the glossary away: a read lists the links without terms, a new link is a 503', async () => {
    const restored = await put({
      stages: original.stages.map(({ stage, termSlug }) => ({ stage, termSlug })),
      lostReasonTerms: [],
    });
    expect(restored.status).toBe(200);
    await glossary.stop();
    const read = await definition();
    expect(read.termsAvailable).toBe(false);
    expect(read.stages).toEqual([{ stage: 'closed_lost', termSlug: 'closed-lost', term: null }]);
    const refused = await put({ lostReasonTerms: [{ reason: 'no_budget', termSlug: LOST_DEAL }] });
    expect(refused.status).toBe(503);
    expect((await definition()).version).toBe(restored.body.version);
  });
});
