import { metricValue } from '../support/metrics';
import { glossaryApps, sql, Term } from './glossary-helpers';

interface Hit {
  slug: string;
  name: string;
  score: number;
  match: string;
  snippet: string;
}

describe('glossary search and suggest (pg_trgm + weighted full text)', () => {
  const ctx = glossaryApps();
  const search = async (q: string) => {
    const response = await ctx.api<{ items: Hit[] }>(
      `/v1/glossary/search?q=${encodeURIComponent(q)}`,
    );
    expect(response.status).toBe(200);
    return response.body.items;
  };

  it.each([
    ['champoin', 'sales-champion', 'fuzzy'],
    ['closed lost', 'closed-lost', 'exact'],
    ['closed-lost', 'closed-lost', 'exact'],
    ['Closed Lost', 'closed-lost', 'exact'],
    ['open rates', 'open-rate', 'text'],
    ['sko', 'sales-kickoff', 'exact'],
    ['JTBD', 'jobs-to-be-done-framework', 'exact'],
    ['transactional data', 'dynamic-data', 'exact'],
    ['buying comittee', 'buying-committee', 'fuzzy'],
    ['sales kick', 'sales-kickoff', 'prefix'],
    ['territory', 'sales-territory', 'prefix'],
  ])('%j puts %s first (%s)', async (q, slug, match) => {
    const [first] = await search(q);
    expect(first).toMatchObject({ slug, match });
  });

  it('ranks exact over prefix over full text over fuzzy, scores descending', async () => {
    const hits = await search('sales');
    expect(hits.length).toBeGreaterThan(3);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const tierOf = { exact: 3, prefix: 2, text: 1, fuzzy: 0 } as Record<string, number>;
    const tiers = hits.map((hit) => tierOf[hit.match]);
    expect(tiers).toEqual([...tiers].sort((a, b) => b - a));
    // "Sales Champion" starts with the query; a term that only mentions sales in its definition
    // (Buying Committee: "B2B sales") comes after every prefix match.
    const champion = hits.findIndex((hit) => hit.slug === 'sales-champion');
    const committee = hits.findIndex((hit) => hit.slug === 'buying-committee');
    expect(hits[champion].match).toBe('prefix');
    expect(committee).toBeGreaterThan(champion);
    expect(hits[committee].match).toBe('text');
  });

  it('weights the name above the definition in full text', async () => {
    // "funnel" is in Lead Generation Funnel's name and only in definitions elsewhere.
    const hits = await search('funnel');
    expect(hits[0].slug).toBe('lead-generation-funnel');
  });

  it('highlights the query words in an HTML-safe snippet', async () => {
    const [hit] = await search('open rates');
    expect(hit.snippet).toContain('<mark>open</mark> <mark>rate</mark>');
    const [champion] = await search('sales champion');
    expect(champion.snippet).toContain('customer&#39;s organization');
    expect(champion.snippet).not.toContain("'");
  });

  it('finds a new term at once, and by a hidden label', async () => {
    // Asked before the term exists, so an answer is cached that the creation must replace.
    expect((await search('icp')).map((hit) => hit.slug)).not.toContain('ideal-customer-profile');
    const created = await ctx.api<Term>('/v1/glossary/terms', {
      body: {
        slug: 'ideal-customer-profile',
        name: 'Ideal Customer Profile',
        definition: 'The firmographic description of the accounts that get the most value.',
        aliases: ['ICP'],
        hiddenLabels: ['ideal costumer profile'],
      },
    });
    expect(created.status).toBe(201);
    expect((await search('icp'))[0]).toMatchObject({
      slug: 'ideal-customer-profile',
      match: 'exact',
    });
    expect((await search('ideal costumer profile'))[0]).toMatchObject({
      slug: 'ideal-customer-profile',
      match: 'exact',
    });
  });

  it('keeps the words of the labels (the typo tier looks misspellings up there) in step with changes', async () => {
    // Words whose count of terms differs from what the labels have now: none, after every change.
    const drift = () =>
      sql<{ word: string }>(
        `SELECT word FROM glossary.label_words FULL JOIN (
           SELECT word, count(*)::int AS terms
           FROM glossary.terms, glossary.label_words_of(search_labels) AS word GROUP BY word
         ) expected USING (word)
         WHERE label_words.terms IS DISTINCT FROM expected.terms`,
      );
    const created = await ctx.api<Term>('/v1/glossary/terms', {
      body: {
        // A slug of its own: a deleted term keeps its slug, and the annotate file creates win-rate.
        slug: 'win-rate-label-words',
        name: 'Win Rate',
        definition: 'Deals won out of the deals closed.',
        aliases: ['WR'],
        hiddenLabels: ['winrate'],
      },
    });
    expect(created.status).toBe(201);
    expect(await drift()).toEqual([]);
    expect((await search('winrte'))[0]).toMatchObject({
      slug: 'win-rate-label-words',
      match: 'fuzzy',
    });
    const patched = await ctx.api<Term>('/v1/glossary/terms/win-rate-label-words', {
      method: 'PATCH',
      headers: { 'if-match': '"1"' },
      body: { aliases: ['Close Rate'], hiddenLabels: null },
    });
    expect(patched.status).toBe(200);
    expect(await drift()).toEqual([]);
    const deleted = await ctx.api('/v1/glossary/terms/win-rate-label-words', {
      method: 'DELETE',
      headers: { 'if-match': '"2"' },
    });
    expect(deleted.status).toBe(204);
    expect(await drift()).toEqual([]);
    expect(await sql(`SELECT word FROM glossary.label_words WHERE word = 'winrate'`)).toEqual([]);
  });

  it('answers repeated queries from its cache, counted in the metrics', async () => {
    const lookups = async () => ({
      hit: await metricValue(ctx.glossary, 'glossary_search_cache_lookups_total', {
        kind: 'search',
        outcome: 'hit',
      }),
      miss: await metricValue(ctx.glossary, 'glossary_search_cache_lookups_total', {
        kind: 'search',
        outcome: 'miss',
      }),
    });
    const before = await lookups();
    const first = await search('lead scoring model');
    const again = await search('lead scoring model');
    expect(again).toEqual(first);
    const after = await lookups();
    expect(after.miss - before.miss).toBe(1);
    expect(after.hit - before.hit).toBe(1);
  });

  it('answers an empty list for nothing related, and 400 for a bad query', async () => {
    expect(await search('zzqxj')).toEqual([]);
    expect(await search('%%%')).toEqual([]);
    const empty = await ctx.api('/v1/glossary/search?q=');
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ errors: [{ field: 'q' }] });
    const tooMany = await ctx.api('/v1/glossary/search?q=sales&limit=51');
    expect(tooMany.status).toBe(400);
    const unknown = await ctx.api('/v1/glossary/search?q=sales&sort=name');
    expect(unknown.status).toBe(400);
  });

  it('suggests names and aliases by prefix, names first, at most 10', async () => {
    const response = await ctx.api<{ items: { slug: string; name: string; label: string }[] }>(
      '/v1/glossary/suggest?prefix=sal',
    );
    expect(response.status).toBe(200);
    const slugs = response.body.items.map((item) => item.slug);
    expect(slugs).toEqual(
      expect.arrayContaining(['sales-champion', 'sales-kickoff', 'sales-territory']),
    );
    expect(slugs.length).toBeLessThanOrEqual(10);
    const sko = await ctx.api<{ items: { slug: string; label: string }[] }>(
      '/v1/glossary/suggest?prefix=SK',
    );
    expect(sko.body.items[0]).toEqual({
      slug: 'sales-kickoff',
      name: 'Sales Kickoff',
      label: 'SKO',
    });
    const limited = await ctx.api<{ items: unknown[] }>('/v1/glossary/suggest?prefix=s&limit=2');
    expect(limited.body.items).toHaveLength(2);
    expect((await ctx.api('/v1/glossary/suggest?prefix=s&limit=11')).status).toBe(400);
  });
});
