import { connect } from 'nats';
import { e2eRun } from '../support/test-env';
import { glossaryApps, glossaryEvents, sql, Term } from './glossary-helpers';

const BASE = {
  slug: 'deal-desk',
  name: 'Deal Desk',
  definition: 'A team that approves non-standard deals.',
};

describe('glossary terms: CRUD with ETags, links both ways, revisions', () => {
  const ctx = glossaryApps();
  // Other test files share the run's database and may have changed closed-lost already.
  let closedLostVersion: number;

  it('creates a term with every field and answers its ETag', async () => {
    closedLostVersion = (await ctx.api<Term>('/v1/glossary/terms/closed-lost')).body.version;
    const created = await ctx.api<Term>('/v1/glossary/terms', {
      body: {
        ...BASE,
        details: '## Why\nSpeed.',
        aliases: ['DD'],
        hiddenLabels: ['deal dsk'],
        category: 'Sales operations',
        tags: ['ops'],
        relations: [{ type: 'related', slug: 'closed-lost' }],
        sources: [{ url: 'https://example.com/deal-desk', title: 'Deal desks' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      slug: 'deal-desk',
      hiddenLabels: ['deal dsk'],
      relations: [{ type: 'related', slug: 'closed-lost' }],
      sources: [{ url: 'https://example.com/deal-desk', title: 'Deal desks' }],
      status: 'draft',
      replacedBy: null,
      version: 1,
    });
  });

  it('keeps the inverse link on the linked term, with its own version and revision', async () => {
    const closedLost = await ctx.api<Term>('/v1/glossary/terms/closed-lost');
    expect(closedLost.body.relations).toContainEqual({ type: 'related', slug: 'deal-desk' });
    expect(closedLost.body.version).toBe(closedLostVersion + 1);
    const revisions = await ctx.api<{ items: { n: number; action: string; actor: string }[] }>(
      '/v1/glossary/terms/closed-lost/revisions',
    );
    expect(revisions.body.items[0]).toMatchObject({ n: 1, action: 'created', actor: 'system' });
    expect(revisions.body.items[revisions.body.items.length - 1]).toMatchObject({
      n: closedLostVersion + 1,
      action: 'linked',
      actor: 'bootstrap-admin',
    });
  });

  it('answers 304 to If-None-Match with the current ETag, 200 with an old one', async () => {
    const current = await ctx.api('/v1/glossary/terms/deal-desk', {
      headers: { 'if-none-match': '"1"' },
    });
    expect(current.status).toBe(304);
    expect(current.body).toBe('');
    const stale = await ctx.api('/v1/glossary/terms/deal-desk', {
      headers: { 'if-none-match': '"0"' },
    });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe('"1"');
  });

  it('refuses PATCH without If-Match (428) and with a stale one (412), changing nothing', async () => {
    const missing = await ctx.api('/v1/glossary/terms/deal-desk', {
      method: 'PATCH',
      body: { status: 'approved' },
    });
    expect(missing.status).toBe(428);
    expect(missing.body).toMatchObject({ code: 'PRECONDITION_REQUIRED' });
    const stale = await ctx.api('/v1/glossary/terms/deal-desk', {
      method: 'PATCH',
      body: { status: 'approved' },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body).toMatchObject({ code: 'GLOSSARY_VERSION_MISMATCH', currentVersion: 1 });
    const weak = await ctx.api('/v1/glossary/terms/deal-desk', {
      method: 'PATCH',
      body: { status: 'approved' },
      headers: { 'if-match': 'W/"1"' },
    });
    expect(weak.status).toBe(412);
    expect((await ctx.api<Term>('/v1/glossary/terms/deal-desk')).body).toMatchObject({
      status: 'draft',
      version: 1,
    });
  });

  it('records the API key name as the author of a PATCH, with a field diff', async () => {
    const key = await ctx.api<{ key: string }>('/v1/admin/api-keys', {
      body: { name: 'editor-jane', scopes: ['glossary:read', 'glossary:write'] },
    });
    expect(key.status).toBe(201);
    const patched = await ctx.api<Term>('/v1/glossary/terms/deal-desk', {
      method: 'PATCH',
      key: key.body.key,
      body: { status: 'approved', definition: 'A team that approves and structures deals.' },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('etag')).toBe('"2"');
    expect(patched.body).toMatchObject({ status: 'approved', version: 2, aliases: ['DD'] });

    const revision = await ctx.api<{
      actor: string;
      action: string;
      changes: unknown[];
      term: Term;
    }>('/v1/glossary/terms/deal-desk/revisions/2');
    expect(revision.status).toBe(200);
    expect(revision.body).toMatchObject({ n: 2, action: 'updated', actor: 'editor-jane' });
    expect(revision.body.changes).toEqual([
      {
        field: 'definition',
        from: 'A team that approves non-standard deals.',
        to: 'A team that approves and structures deals.',
      },
      { field: 'status', from: 'draft', to: 'approved' },
    ]);
    expect(revision.body.term).toMatchObject({ slug: 'deal-desk', version: 2, status: 'approved' });
    const first = await ctx.api<{ actor: string }>('/v1/glossary/terms/deal-desk/revisions/1');
    expect(first.body.actor).toBe('bootstrap-admin');
  });

  it('restores an earlier revision as a new version, keeping history', async () => {
    const restored = await ctx.api<Term>('/v1/glossary/terms/deal-desk/revisions/1/restore', {
      method: 'POST',
      headers: { 'if-match': '"2"' },
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({
      definition: 'A team that approves non-standard deals.',
      status: 'draft',
      version: 3,
    });
    const list = await ctx.api<{
      items: { n: number; action: string; changes: { field: string }[] }[];
    }>('/v1/glossary/terms/deal-desk/revisions');
    expect(list.body.items.map((r) => r.action)).toEqual(['created', 'updated', 'restored']);
    expect(list.body.items[2].changes.map((c) => c.field)).toEqual(['definition', 'status']);
    const missing = await ctx.api('/v1/glossary/terms/deal-desk/revisions/99');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'GLOSSARY_REVISION_NOT_FOUND' });
  });

  it('refuses links to unknown terms (422) and to itself, naming the field, writing nothing', async () => {
    const unknown = await ctx.api('/v1/glossary/terms', {
      body: { ...BASE, slug: 'win-room', relations: [{ type: 'broader', slug: 'no-such-term' }] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      code: 'GLOSSARY_UNKNOWN_TERM',
      errors: [{ field: 'relations', reason: 'no term has the slug "no-such-term"' }],
    });
    expect((await ctx.api('/v1/glossary/terms/win-room')).status).toBe(404);

    const self = await ctx.api('/v1/glossary/terms/deal-desk', {
      method: 'PATCH',
      body: { relations: [{ type: 'broader', slug: 'deal-desk' }] },
      headers: { 'if-match': '*' },
    });
    expect(self.status).toBe(422);
    expect(self.body).toMatchObject({ code: 'GLOSSARY_INVALID_RELATION' });
    expect(JSON.stringify(self.body.errors)).toContain('broader to itself');
  });

  it('refuses a chain of broader terms that leads back (A broader B broader A)', async () => {
    await ctx.api('/v1/glossary/terms', {
      body: {
        ...BASE,
        slug: 'revops',
        name: 'RevOps',
        relations: [{ type: 'broader', slug: 'deal-desk' }],
      },
    });
    await ctx.api('/v1/glossary/terms', {
      body: {
        ...BASE,
        slug: 'sales-ops',
        name: 'Sales Ops',
        relations: [{ type: 'broader', slug: 'revops' }],
      },
    });
    const before = await ctx.api<Term>('/v1/glossary/terms/deal-desk');
    const cycle = await ctx.api('/v1/glossary/terms/deal-desk', {
      method: 'PATCH',
      body: { relations: [...before.body.relations, { type: 'broader', slug: 'sales-ops' }] },
      headers: { 'if-match': `"${before.body.version}"` },
    });
    expect(cycle.status).toBe(422);
    expect(cycle.body).toMatchObject({ code: 'GLOSSARY_INVALID_RELATION' });
    // Nothing half-written: neither deal-desk nor sales-ops moved.
    const after = await ctx.api<Term>('/v1/glossary/terms/deal-desk');
    expect(after.body.version).toBe(before.body.version);
    const salesOps = await ctx.api<Term>('/v1/glossary/terms/sales-ops');
    expect(salesOps.body.relations).toEqual([{ type: 'broader', slug: 'revops' }]);
  });

  it('refuses bad input with 400 naming each field: oversized, unknown, null name', async () => {
    const response = await ctx.api('/v1/glossary/terms/deal-desk', {
      method: 'PATCH',
      body: {
        definition: 'x'.repeat(2001),
        colour: 'red',
        aliases: ['a|b'],
        relations: [{ type: 'parent', slug: 'open-rate' }],
      },
      headers: { 'if-match': '*' },
    });
    expect(response.status).toBe(400);
    const fields = (response.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['aliases', 'colour', 'definition', 'relations.0.type']);
    const nullName = await ctx.api('/v1/glossary/terms/deal-desk', {
      method: 'PATCH',
      body: { name: null },
      headers: { 'if-match': '*' },
    });
    expect(nullName.status).toBe(400);
    expect(nullName.body).toMatchObject({
      errors: [{ field: 'name', reason: 'name cannot be null' }],
    });
    const replacedButApproved = await ctx.api('/v1/glossary/terms/deal-desk', {
      method: 'PATCH',
      body: { status: 'approved', replacedBy: 'open-rate' },
      headers: { 'if-match': '*' },
    });
    expect(replacedButApproved.status).toBe(422);
  });

  it('deprecates a term in favour of another, lists categories with counts', async () => {
    const current = await ctx.api<Term>('/v1/glossary/terms/sales-ops');
    const deprecated = await ctx.api<Term>('/v1/glossary/terms/sales-ops', {
      method: 'PATCH',
      body: { status: 'deprecated', replacedBy: 'revops', category: 'Sales operations' },
      headers: { 'if-match': `"${current.body.version}"` },
    });
    expect(deprecated.status).toBe(200);
    expect(deprecated.body).toMatchObject({ status: 'deprecated', replacedBy: 'revops' });
    const categories = await ctx.api<{ items: { category: string; count: number }[] }>(
      '/v1/glossary/categories',
    );
    expect(categories.status).toBe(200);
    expect(categories.body.items).toContainEqual({ category: 'Sales operations', count: 2 });
    expect(categories.body.items).toContainEqual({ category: 'Lead generation', count: 2 });
  });

  it('deletes with If-Match, unlinking the other terms, and publishes every event', async () => {
    const stale = await ctx.api('/v1/glossary/terms/deal-desk', {
      method: 'DELETE',
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    const missing = await ctx.api('/v1/glossary/terms/deal-desk', { method: 'DELETE' });
    expect(missing.status).toBe(428);
    const current = await ctx.api<Term>('/v1/glossary/terms/deal-desk');
    const deleted = await ctx.api('/v1/glossary/terms/deal-desk', {
      method: 'DELETE',
      headers: { 'if-match': `"${current.body.version}"` },
    });
    expect(deleted.status).toBe(204);
    expect((await ctx.api('/v1/glossary/terms/deal-desk')).status).toBe(404);
    const closedLost = await ctx.api<Term>('/v1/glossary/terms/closed-lost');
    expect(closedLost.body.relations).not.toContainEqual({ type: 'related', slug: 'deal-desk' });
    const revops = await ctx.api<Term>('/v1/glossary/terms/revops');
    expect(revops.body.relations).toEqual([{ type: 'narrower', slug: 'sales-ops' }]);

    const events = await glossaryEvents('deal-desk', (seen) =>
      seen.some((event) => event.subject === 'glossary.term.deleted'),
    );
    expect(events.map((event) => event.subject)).toEqual([
      'glossary.term.created',
      'glossary.term.updated',
      'glossary.term.updated',
      ...events.slice(3).map(() => expect.stringMatching(/^glossary\.term\.(updated|deleted)$/)),
    ]);
    expect(events[1].data).toMatchObject({ changedFields: ['definition', 'status'] });
    expect(events[events.length - 1]).toMatchObject({
      subject: 'glossary.term.deleted',
      data: { slug: 'deal-desk', version: current.body.version },
    });
    // Revisions and the outbox rows were written in the same transactions as the changes.
    const [{ count }] = await sql<{ count: string }>(
      `SELECT count(*) FROM glossary.outbox WHERE payload->>'slug' = 'deal-desk' OR payload->'term'->>'slug' = 'deal-desk'`,
    );
    expect(Number(count)).toBe(events.length);
  });

  it("serves a term from the gateway's cache, refreshed by the event of a change made elsewhere", async () => {
    const first = await ctx.api<Term>('/v1/glossary/terms/revops');
    expect(first.status).toBe(200);
    // Another gateway replica's change: straight to the service over NATS, not through this one.
    const run = e2eRun();
    const nc = await connect({ servers: run.natsUrl });
    try {
      const reply = await nc.request(
        `${run.subjectPrefix}glossary.term.update`,
        JSON.stringify({
          pattern: 'glossary.term.update',
          id: 'cache-test',
          data: {
            slug: 'revops',
            expectedVersion: first.body.version,
            changes: { tags: ['ops', 'cache'] },
          },
        }),
        { timeout: 5000 },
      );
      expect(reply.json<{ response: Term }>().response.version).toBe(first.body.version + 1);
    } finally {
      await nc.close();
    }
    const started = Date.now();
    let seen = first.body;
    while (Date.now() - started < 3000 && seen.version === first.body.version) {
      seen = (await ctx.api<Term>('/v1/glossary/terms/revops')).body;
    }
    expect(seen).toMatchObject({
      version: first.body.version + 1,
      tags: ['ops', 'cache'],
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('lets exactly one of two concurrent PATCHes with the same If-Match win', async () => {
    const current = await ctx.api<Term>('/v1/glossary/terms/revops');
    const patch = (definition: string) =>
      ctx.api('/v1/glossary/terms/revops', {
        method: 'PATCH',
        body: { definition },
        headers: { 'if-match': `"${current.body.version}"` },
      });
    const results = await Promise.all([patch('First writer.'), patch('Second writer.')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const after = await ctx.api<Term>('/v1/glossary/terms/revops');
    expect(after.body.version).toBe(current.body.version + 1);
  });

  it('documents every glossary route in OpenAPI, with examples', async () => {
    const docs = await ctx.api<{
      paths: Record<string, Record<string, unknown>>;
      components: {
        schemas: Record<string, { properties?: Record<string, { example?: unknown }> }>;
      };
    }>('/docs-json', { key: null });
    expect(docs.status).toBe(200);
    const routes = Object.entries(docs.body.paths)
      .filter(([path]) => path.startsWith('/v1/glossary'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
      .sort();
    expect(routes).toEqual([
      'delete /v1/glossary/terms/{slug}',
      'get /v1/glossary/categories',
      'get /v1/glossary/export',
      'get /v1/glossary/search',
      'get /v1/glossary/suggest',
      'get /v1/glossary/terms',
      'get /v1/glossary/terms/{slug}',
      'get /v1/glossary/terms/{slug}/revisions',
      'get /v1/glossary/terms/{slug}/revisions/{n}',
      'patch /v1/glossary/terms/{slug}',
      'post /v1/glossary/annotate',
      'post /v1/glossary/import',
      'post /v1/glossary/terms',
      'post /v1/glossary/terms/{slug}/restore',
      'post /v1/glossary/terms/{slug}/revisions/{n}/restore',
    ]);
    const schemas = docs.body.components.schemas;
    expect(schemas.CreateTermDto.properties?.slug.example).toBe('sales-champion');
    expect(schemas.AnnotateDto.properties?.text.example).toEqual(expect.any(String));
    expect(schemas.SearchHitView.properties?.snippet.example).toContain('<mark>');
    expect(schemas.RevisionSummaryView.properties?.actor.example).toBeDefined();
  });
});
