import { glossaryApps, sql, Term } from './glossary-helpers';

interface Report {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rows: { row: number; slug: string; outcome: string }[];
}

const CSV_HEADER =
  'slug,name,definition,details,aliases,hiddenLabels,category,tags,relations,sources,status,replacedBy';

describe('glossary import and export', () => {
  const ctx = glossaryApps();
  const importCsv = (csv: string, dryRun = false) =>
    ctx.api<Report>(`/v1/glossary/import${dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST',
      rawBody: csv,
      headers: { 'content-type': 'text/csv' },
    });

  it('exports every term as JSON, in slug order', async () => {
    const exported = await ctx.api<Term[]>('/v1/glossary/export?format=json');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('glossary.json');
    const slugs = exported.body.map((term) => term.slug);
    expect(slugs).toEqual([...slugs].sort());
    expect(slugs).toEqual(expect.arrayContaining(['sales-champion', 'private-labeling']));
    const openRate = exported.body.find((term) => term.slug === 'open-rate')!;
    expect(openRate.relations).toContainEqual({ type: 'related', slug: 'lead-generation-funnel' });
  });

  it('round-trips: the CSV export imported back changes nothing', async () => {
    const csv = await ctx.api<string>('/v1/glossary/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(CSV_HEADER);
    const report = await importCsv(csv.body);
    expect(report.status).toBe(200);
    expect(report.body.created).toBe(0);
    expect(report.body.updated).toBe(0);
    expect(report.body.unchanged).toBe(report.body.rows.length);
    expect(report.body.rows.length).toBeGreaterThanOrEqual(15);
  });

  it('exports cells a spreadsheet would run as formulas with a quote, and imports them back exactly', async () => {
    const hostile = [
      {
        slug: 'formula-hyperlink',
        name: '=HYPERLINK("https://evil.example","Open")',
        definition: '=1+1',
      },
      { slug: 'formula-plus', name: '+1', definition: '+1 for the champion' },
      { slug: 'formula-minus', name: '-2', definition: '-2 points when cold' },
      { slug: 'formula-at', name: '@SUM(A1:A9)', definition: "'=already quoted" },
    ];
    expect((await ctx.api<Report>('/v1/glossary/import', { body: hostile })).status).toBe(200);
    const csv = await ctx.api<string>('/v1/glossary/export?format=csv');
    expect(csv.status).toBe(200);
    const lines = csv.body.split('\r\n').filter((line) => line.startsWith('formula-'));
    expect(lines).toHaveLength(hostile.length);
    for (const line of lines) expect(line).not.toMatch(/(^|,)"?[=+\-@\t\r]/);
    expect(lines).toContain(`formula-plus,'+1,'+1 for the champion,,,,,,,,draft,`);

    const changed = hostile.map((term) => ({ ...term, name: 'Changed', definition: 'Changed.' }));
    expect((await ctx.api<Report>('/v1/glossary/import', { body: changed })).status).toBe(200);
    const report = await importCsv(csv.body);
    expect(report.status).toBe(200);
    expect(report.body.updated).toBe(hostile.length);
    for (const { slug, name, definition } of hostile) {
      const term = await ctx.api<Term>(`/v1/glossary/terms/${slug}`);
      expect(term.body).toMatchObject({ name, definition });
    }
  });

  it('dry run reports what would be created, updated or left alone, and writes nothing', async () => {
    const before = await sql<{ count: string }>(`SELECT count(*) FROM glossary.outbox`);
    const body = [
      {
        slug: 'net-revenue-retention',
        name: 'Net Revenue Retention',
        definition: 'NRR.',
        aliases: ['NRR'],
      },
      { slug: 'open-rate', name: 'Open Rate', definition: 'Opens divided by delivered emails.' },
      {
        slug: 'private-labeling',
        name: 'Private Labeling',
        definition:
          "Private labeling refers to products manufactured by one company and sold under another company's brand name.",
        hiddenLabels: ['private labelling', 'white labeling'],
        category: 'Product',
        tags: ['product'],
        status: 'approved',
      },
    ];
    const dry = await ctx.api<Report>('/v1/glossary/import?dryRun=true', { body });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      created: 1,
      updated: 1,
      unchanged: 1,
      rows: [
        { row: 1, slug: 'net-revenue-retention', outcome: 'created' },
        { row: 2, slug: 'open-rate', outcome: 'updated' },
        { row: 3, slug: 'private-labeling', outcome: 'unchanged' },
      ],
    });
    expect((await ctx.api('/v1/glossary/terms/net-revenue-retention')).status).toBe(404);
    const after = await sql<{ count: string }>(`SELECT count(*) FROM glossary.outbox`);
    expect(after[0].count).toBe(before[0].count);
  });

  it('imports CSV rows that link to each other, both ways, with an "imported" revision', async () => {
    const csv = [
      CSV_HEADER,
      'pipeline-coverage,Pipeline Coverage,"Pipeline value over quota, as a ratio.",,PC,,Pipeline,metrics,broader:pipeline-metrics|related:closed-lost,"[{""url"":""https://example.com/pc"",""title"":""Coverage""}]",approved,',
      'pipeline-metrics,Pipeline Metrics,Numbers that describe the pipeline.,,,,Pipeline,,,,draft,',
    ].join('\n');
    const report = await importCsv(csv);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ created: 2, updated: 0, dryRun: false });
    const coverage = await ctx.api<Term>('/v1/glossary/terms/pipeline-coverage');
    expect(coverage.body).toMatchObject({
      aliases: ['PC'],
      tags: ['metrics'],
      status: 'approved',
      sources: [{ url: 'https://example.com/pc', title: 'Coverage' }],
      relations: [
        { type: 'broader', slug: 'pipeline-metrics' },
        { type: 'related', slug: 'closed-lost' },
      ],
    });
    const metrics = await ctx.api<Term>('/v1/glossary/terms/pipeline-metrics');
    expect(metrics.body.relations).toEqual([{ type: 'narrower', slug: 'pipeline-coverage' }]);
    const closedLost = await ctx.api<Term>('/v1/glossary/terms/closed-lost');
    expect(closedLost.body.relations).toContainEqual({
      type: 'related',
      slug: 'pipeline-coverage',
    });
  });

  it('refuses the whole import when a row is invalid, naming each row and field', async () => {
    const response = await ctx.api('/v1/glossary/import', {
      body: [
        { slug: 'good-row', name: 'Good', definition: 'Fine.' },
        { slug: 'Bad Slug', name: 'Bad', definition: 'x'.repeat(2001) },
        { slug: 'good-row', name: 'Again', definition: 'Duplicate.' },
        'not an object',
      ],
    });
    expect(response.status).toBe(400);
    const fields = (response.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(['rows.2.slug', 'rows.2.definition', 'rows.3.slug', 'rows.4']);
    expect((await ctx.api('/v1/glossary/terms/good-row')).status).toBe(404);
  });

  it('refuses a row that links to an unknown term with 422 naming the row, importing nothing', async () => {
    const response = await ctx.api('/v1/glossary/import', {
      body: [
        { slug: 'first-ok', name: 'First', definition: 'Fine.' },
        {
          slug: 'second-bad',
          name: 'Second',
          definition: 'Links nowhere.',
          relations: [{ type: 'related', slug: 'nowhere-term' }],
        },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'GLOSSARY_UNKNOWN_TERM',
      row: 2,
      errors: [{ field: 'rows.2.relations' }],
    });
    expect((await ctx.api('/v1/glossary/terms/first-ok')).status).toBe(404);
  });

  it('refuses malformed CSV, unknown columns and bodies that are not a list', async () => {
    const unclosed = await importCsv(`${CSV_HEADER}\na,"A,d\n`);
    expect(unclosed.status).toBe(400);
    expect(unclosed.body).toMatchObject({ errors: [{ field: 'csv' }] });
    expect(String((unclosed.body as unknown as { detail: string }).detail)).toContain(
      'Quote Not Closed',
    );
    const unknownColumn = await importCsv('slug,name,definition,colour\na,A,d,red\n');
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.body).toMatchObject({ errors: [{ field: 'csv.colour' }] });
    const notList = await ctx.api('/v1/glossary/import', { body: { slug: 'x' } });
    expect(notList.status).toBe(400);
    const badFlag = await ctx.api('/v1/glossary/import?dryRun=maybe', { body: [] });
    expect(badFlag.status).toBe(400);
    expect(badFlag.body).toMatchObject({ errors: [{ field: 'dryRun' }] });
    const xml = await ctx.api('/v1/glossary/import', {
      method: 'POST',
      rawBody: '<terms/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.status).toBe(415);
  });

  it('streams an export larger than one page', async () => {
    const rows = Array.from({ length: 620 }, (_, i) => ({
      slug: `bulk-term-${String(i).padStart(4, '0')}`,
      name: `Bulk Term ${i}`,
      definition: `Generated term number ${i}.`,
    }));
    const imported = await ctx.api<Report>('/v1/glossary/import', { body: rows });
    expect(imported.status).toBe(200);
    expect(imported.body.created).toBe(620);
    const exported = await ctx.api<Term[]>('/v1/glossary/export');
    const slugs = exported.body.map((term) => term.slug);
    expect(slugs.filter((slug) => slug.startsWith('bulk-term-'))).toHaveLength(620);
    expect(new Set(slugs).size).toBe(slugs.length);
    const csv = await ctx.api<string>('/v1/glossary/export?format=csv');
    expect(csv.body.split('\r\n').filter((line) => line.startsWith('bulk-term-'))).toHaveLength(
      620,
    );
  });

  it('pages the export by size so large terms still fit NATS messages, and refuses an oversized import', async () => {
    const large = (i: number) => ({
      slug: `large-term-${i}`,
      name: `Large Term ${i}`,
      definition: 'A term with long details.',
      details: `${'Lorem ipsum dolor sit amet. '.repeat(700)}${i}`,
    });
    const imported = await ctx.api<Report>('/v1/glossary/import', {
      body: Array.from({ length: 30 }, (_, i) => large(i)),
    });
    expect(imported.status).toBe(200);
    const exported = await ctx.api<Term[]>('/v1/glossary/export');
    expect(exported.status).toBe(200);
    expect(exported.body.filter((term) => term.slug.startsWith('large-term-'))).toHaveLength(30);
    const tooBig = await ctx.api('/v1/glossary/import', {
      body: Array.from({ length: 48 }, (_, i) => large(100 + i)),
    });
    expect(tooBig.status).toBe(413);
    expect((await ctx.api('/v1/glossary/terms/large-term-100')).status).toBe(404);
  });
});
