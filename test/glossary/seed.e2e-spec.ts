import { join } from 'node:path';
import { Client } from 'pg';
import { e2eRun } from '../support/test-env';
import { glossaryApps, Term } from './glossary-helpers';

const DIST = process.env.SALES_SUITE_DIST ?? join(__dirname, '../../dist');

describe('glossary seed', () => {
  const ctx = glossaryApps();

  it('holds the sales terms, approved, with aliases and links both ways', async () => {
    const get = async (slug: string) => (await ctx.api<Term>(`/v1/glossary/terms/${slug}`)).body;
    const openRate = await get('open-rate');
    expect(openRate.status).toBe('approved');
    expect(openRate.relations).toContainEqual({ type: 'related', slug: 'lead-generation-funnel' });
    expect((await get('lead-generation-funnel')).relations).toContainEqual({
      type: 'related',
      slug: 'open-rate',
    });
    expect((await get('closed-lost')).relations).toContainEqual({
      type: 'related',
      slug: 'sales-champion',
    });
    expect((await get('sales-champion')).relations).toContainEqual({
      type: 'related',
      slug: 'closed-lost',
    });
    expect((await get('jobs-to-be-done-framework')).aliases).toEqual(['JTBD']);
    const funnel = await get('lead-generation-funnel');
    expect(funnel.relations).toContainEqual({
      type: 'narrower',
      slug: 'data-driven-lead-generation',
    });
    const revisions = await ctx.api<{ items: { n: number; actor: string; changes: unknown[] }[] }>(
      '/v1/glossary/terms/open-rate/revisions',
    );
    expect(revisions.body.items[0]).toMatchObject({ n: 1, actor: 'system' });
    expect(revisions.body.items[0].changes.length).toBeGreaterThan(3);
  });

  it('changes nothing when the service starts again (migrations run once)', async () => {
    const before = await ctx.api<Term[]>('/v1/glossary/export');
    await ctx.glossary.stop();
    ctx.glossary = await ctx.apps.start('glossary');
    const after = await ctx.api<Term[]>('/v1/glossary/export');
    expect(after.body).toEqual(before.body);
  });

  it('never overwrites an edited term, and links only untouched pairs', async () => {
    // Runs the seed-enrichment migration again inside a transaction that is rolled back.
    const { EnrichSalesSeed1764160000001 } = (await import(
      join(DIST, 'apps/glossary/src/database/migrations/1764160000001-enrich-sales-seed.js')
    )) as { EnrichSalesSeed1764160000001: new () => { up(runner: unknown): Promise<void> } };
    const client = new Client({ connectionString: e2eRun().databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `UPDATE glossary.terms SET hidden_labels = '{}', tags = '{}', relations = '[]', version = 1
         WHERE slug IN ('sales-champion', 'buying-committee', 'closed-lost')`,
      );
      await client.query(
        `UPDATE glossary.terms SET definition = 'Edited by a person.', version = 5 WHERE slug = 'closed-lost'`,
      );
      const runner = {
        query: (text: string, params?: unknown[]) => client.query(text, params).then((r) => r.rows),
      };
      await new EnrichSalesSeed1764160000001().up(runner);
      const rows = (
        await client.query(
          `SELECT slug, definition, relations, tags FROM glossary.terms
           WHERE slug IN ('sales-champion', 'closed-lost') ORDER BY slug`,
        )
      ).rows as {
        slug: string;
        definition: string;
        relations: { slug: string }[];
        tags: string[];
      }[];
      const [closedLost, champion] = rows;
      expect(closedLost).toMatchObject({
        definition: 'Edited by a person.',
        relations: [],
        tags: [],
      });
      // The pair with an edited end is not linked; the pair of untouched terms is.
      expect(champion.relations.map((relation) => relation.slug)).toEqual(['buying-committee']);
      expect(champion.tags).toEqual(['b2b', 'stakeholders']);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });
});
