import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MATCH_KINDS,
  SearchHitView,
  SearchQueryDto,
  SuggestionView,
  SuggestQueryDto,
  SUGGEST_MAX_RESULTS,
} from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import { TermsVersion } from '../terms/terms-version';
import {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  labelWordsQuery,
  normalizeLabel,
  renderSnippet,
} from '../domain/search-text';
import { searchCacheLookupsTotal } from './search.metrics';
import { VersionedResultCache } from './versioned-result-cache';

const DEFAULT_SEARCH_RESULTS = 20;
/** Distinct queries remembered per kind: people search for the same few hundred words. */
const CACHED_QUERIES = 5000;

/** Ordered best first: the tier number in SQL is the index here, reversed. */
const TIERS = [...MATCH_KINDS].reverse();

interface SearchRow {
  slug: string;
  name: string;
  tier: number;
  relevance: number;
  headline: string;
}

@Injectable()
export class SearchService {
  private readonly searches = new VersionedResultCache<SearchHitView[]>(CACHED_QUERIES);
  private readonly suggestions = new VersionedResultCache<SuggestionView[]>(CACHED_QUERIES);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly version: TermsVersion,
  ) {}

  /**
   * Results are a function of the query and the terms, so they are cached until the terms'
   * version moves (at once for this replica's writes, on the term event for another's).
   */
  async search(query: SearchQueryDto): Promise<SearchHitView[]> {
    const limit = query.limit ?? DEFAULT_SEARCH_RESULTS;
    return this.cached('search', this.searches, `${limit} ${query.q}`, () =>
      this.findTerms(query.q, limit),
    );
  }

  async suggest({ prefix, limit }: SuggestQueryDto): Promise<SuggestionView[]> {
    const normalized = normalizeLabel(prefix);
    if (normalized === '') return [];
    const wanted = limit ?? SUGGEST_MAX_RESULTS;
    return this.cached('suggest', this.suggestions, `${wanted} ${normalized}`, () =>
      this.suggestTerms(normalized, wanted),
    );
  }

  private async cached<V>(
    kind: string,
    cache: VersionedResultCache<V>,
    key: string,
    compute: () => Promise<V>,
  ): Promise<V> {
    const { hit, value } = cache.lookup(String(this.version.current.generation), key, compute);
    searchCacheLookupsTotal.inc({ kind, outcome: hit ? 'hit' : 'miss' });
    return value;
  }

  /**
   * Tiers, best first: a name, alias or hidden label equal to the query (3), one starting with
   * it or with a word starting with it (2), a full-text match (1), a typo-level trigram match
   * (0). Within a tier, full-text rank (weights A name … D details) plus trigram similarity.
   * A lower tier can only fill places the higher ones leave free, so the costliest, the typo
   * tier, is not run when the others already fill the page, nor when a label is the query: it
   * was typed right.
   */
  private async findTerms(q: string, limit: number): Promise<SearchHitView[]> {
    const query = normalizeLabel(q);
    if (query === '') return [];
    const rows: SearchRow[] = await this.dataSource.query(
      // Each tier is found through its own index and cut to the page size before anything is
      // scored, so the cost follows the page, not the number of terms that match. The labels
      // holding the query are those with all its words (label_vector's GIN index), checked by LIKE.
      `WITH labelled AS (
           SELECT id, CASE WHEN search_labels LIKE $2 THEN 3 ELSE 2 END AS tier
           FROM glossary.terms
           WHERE label_vector @@ $7::tsquery AND (search_labels LIKE $3 OR search_labels LIKE $4)
           ORDER BY tier DESC, length(name), slug LIMIT $6
         ), texts AS (
           SELECT id, 1 AS tier FROM glossary.terms
           WHERE search_vector @@ websearch_to_tsquery('english', $1)
           ORDER BY ts_rank(search_vector, websearch_to_tsquery('english', $1)) DESC, slug
           LIMIT $6
         ), typos AS (
           SELECT id, 0 AS tier FROM glossary.typo_candidates($5::text, $6::integer) AS id
           WHERE (SELECT count(*) FROM (SELECT id FROM labelled UNION SELECT id FROM texts) found) < $6
             AND NOT EXISTS (SELECT FROM labelled WHERE tier = 3)
         ), candidates AS (
           SELECT id, max(tier) AS tier FROM (
             SELECT * FROM labelled UNION ALL SELECT * FROM texts UNION ALL SELECT * FROM typos
           ) found GROUP BY id
         ), best AS (
           SELECT t.slug, t.name, t.definition, c.tier,
             ts_rank(t.search_vector, websearch_to_tsquery('english', $1))
               + word_similarity($5, t.search_labels) AS relevance
           FROM candidates c JOIN glossary.terms t USING (id)
           ORDER BY c.tier DESC, relevance DESC, t.slug LIMIT $6
         )
         SELECT slug, name, tier, relevance,
           ts_headline('english', definition, websearch_to_tsquery('english', $1),
             'StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=30, MinWords=15, MaxFragments=1')
             AS headline
         FROM best ORDER BY tier DESC, relevance DESC, slug`,
      [q, `%|${query}|%`, `%|${query}%`, `% ${query}%`, query, limit, labelWordsQuery(query)],
    );
    return rows.map((row) => ({
      slug: row.slug,
      name: row.name,
      score: Math.round((row.tier + Math.min(0.999, Number(row.relevance) / 2)) * 1000) / 1000,
      match: TIERS[row.tier],
      snippet: renderSnippet(row.headline),
    }));
  }

  /** Terms whose name, alias or hidden label starts with the prefix; names first, short first. */
  private async suggestTerms(normalized: string, limit: number): Promise<SuggestionView[]> {
    const rows: { slug: string; name: string; aliases: string[] }[] = await this.dataSource.query(
      `SELECT slug, name, aliases FROM glossary.terms
       WHERE search_labels LIKE $1
       ORDER BY glossary.normalize_label(name) LIKE $2 DESC, length(name), name, slug
       LIMIT $3`,
      [`%|${normalized}%`, `${normalized}%`, limit],
    );
    return rows.map((row) => ({
      slug: row.slug,
      name: row.name,
      // The label the user is typing; a matching hidden label (a misspelling) shows the name.
      label:
        [row.name, ...row.aliases].find((label) => normalizeLabel(label).startsWith(normalized)) ??
        row.name,
    }));
  }
}
