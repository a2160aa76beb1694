/** One page of two slug-ordered lists (live and deleted terms) merged; each fetched with limit + 1. */
export function mergeSlugPages<T extends { slug: string }>(
  live: readonly T[],
  deleted: readonly T[],
  limit: number,
): { items: T[]; more: boolean } {
  const merged = [...live, ...deleted].sort((a, b) =>
    a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0,
  );
  return { items: merged.slice(0, limit), more: merged.length > limit };
}
