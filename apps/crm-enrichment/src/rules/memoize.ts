/**
 * Caches a pure function of one string. Enrichment analyses the same email or phone several
 * times per contact (input, rules, dedupe key, account link); the cache is emptied when full,
 * which keeps memory bounded without the bookkeeping of an LRU. Safe per replica: the function is
 * pure, so every replica's cache holds the same answers and nothing ever needs invalidating.
 */
export function memoize<R>(fn: (key: string) => R, maxEntries = 20_000): (key: string) => R {
  const cache = new Map<string, R>();
  return (key: string) => {
    let result = cache.get(key);
    if (result === undefined) {
      if (cache.size >= maxEntries) cache.clear();
      result = fn(key);
      cache.set(key, result);
    }
    return result;
  };
}
