import { Counter } from 'prom-client';

export const searchCacheLookupsTotal = new Counter({
  name: 'glossary_search_cache_lookups_total',
  help: 'Search and suggest lookups in the result cache, by kind (search, suggest) and outcome (hit, miss)',
  labelNames: ['kind', 'outcome'] as const,
});
