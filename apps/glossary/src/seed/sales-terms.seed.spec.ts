import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SLUG_PATTERN } from '@sales-suite/contracts';
import { SALES_SEED_TERMS } from './sales-terms.seed';

/** A verbatim copy of the project's seed text (shared/seeds/), kept in the repo so this test always runs. */
const SEED_FILE = join(__dirname, '000_7936a5ab13e8eb0d.txt');

describe('sales seed terms', () => {
  it('holds the fifteen terms the product was specified with, with valid unique slugs', () => {
    expect(SALES_SEED_TERMS.map((term) => term.slug)).toEqual([
      'sales-champion',
      'open-rate',
      'data-driven-lead-generation',
      'closed-lost',
      'sales-kickoff',
      'dynamic-data',
      'artificial-intelligence-in-sales',
      'crm-enrichment',
      'lead-generation-funnel',
      'buying-committee',
      'jobs-to-be-done-framework',
      'customer-centricity',
      'sales-territory',
      'hybrid-sales-model',
      'private-labeling',
    ]);
    for (const term of SALES_SEED_TERMS) expect(term.slug).toMatch(SLUG_PATTERN);
  });

  it('carries the aliases people use', () => {
    const aliases = Object.fromEntries(SALES_SEED_TERMS.map((term) => [term.slug, term.aliases]));
    expect(aliases['sales-kickoff']).toEqual(['SKO']);
    expect(aliases['jobs-to-be-done-framework']).toEqual(['JTBD']);
    expect(aliases['dynamic-data']).toEqual(['transactional data']);
    expect(aliases['artificial-intelligence-in-sales']).toEqual(['AI in sales']);
  });

  it('uses each definition verbatim, as a whole line of the seed text', () => {
    const lines = new Set(
      readFileSync(SEED_FILE, 'utf8')
        .split('\n')
        .map((line) => line.trim()),
    );
    const notInSeed = SALES_SEED_TERMS.filter((term) => !lines.has(term.definition));
    expect(notInSeed.map((term) => term.slug)).toEqual([]);
  });
});
