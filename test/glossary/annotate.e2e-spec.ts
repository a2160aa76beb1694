import { glossaryApps, Term } from './glossary-helpers';

interface Mention {
  slug: string;
  start: number;
  end: number;
  matched: string;
}

describe('glossary annotate (Aho–Corasick over every label)', () => {
  const ctx = glossaryApps();
  const annotate = async (text: string) => {
    const response = await ctx.api<{ mentions: Mention[] }>('/v1/glossary/annotate', {
      body: { text },
    });
    expect(response.status).toBe(200);
    return response.body.mentions;
  };

  it('finds names, aliases and hidden labels with offsets, longest match winning', async () => {
    const text =
      'After the Sales Kickoff our sales champion said the SKO deck helps. ' +
      'The deal is not closed-lost; CRM enrichement is next, then the Lead Generation Funnel.';
    const mentions = await annotate(text);
    expect(mentions.map(({ slug, matched }) => [slug, matched])).toEqual([
      ['sales-kickoff', 'Sales Kickoff'],
      ['sales-champion', 'sales champion'],
      ['sales-kickoff', 'SKO'],
      ['crm-enrichment', 'CRM enrichement'],
      ['lead-generation-funnel', 'Lead Generation Funnel'],
    ]);
    for (const mention of mentions)
      expect(text.slice(mention.start, mention.end)).toBe(mention.matched);
  });

  it('matches on word boundaries only', async () => {
    expect(await annotate('skolarship and tasko and presales champions')).toEqual([]);
  });

  it('sees a term created, changed and deleted through the API at once', async () => {
    const created = await ctx.api<Term>('/v1/glossary/terms', {
      body: { slug: 'win-rate', name: 'Win Rate', definition: 'Deals won over deals closed.' },
    });
    expect(created.status).toBe(201);
    expect(await annotate('Our win rate rose.')).toEqual([
      { slug: 'win-rate', start: 4, end: 12, matched: 'win rate' },
    ]);
    const patched = await ctx.api('/v1/glossary/terms/win-rate', {
      method: 'PATCH',
      body: { aliases: ['WR'] },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.status).toBe(200);
    expect((await annotate('WR is up')).map((m) => m.slug)).toEqual(['win-rate']);
    await ctx.api('/v1/glossary/terms/win-rate', {
      method: 'DELETE',
      headers: { 'if-match': '*' },
    });
    expect(await annotate('Our win rate and WR')).toEqual([]);
  });

  it('refuses a text over 100,000 characters and unknown fields', async () => {
    const big = await ctx.api('/v1/glossary/annotate', { body: { text: 'a'.repeat(100_001) } });
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({ errors: [{ field: 'text' }] });
    const unknown = await ctx.api('/v1/glossary/annotate', { body: { text: 'x', lang: 'en' } });
    expect(unknown.status).toBe(400);
    expect(await annotate('a'.repeat(100_000))).toEqual([]);
  });
});
