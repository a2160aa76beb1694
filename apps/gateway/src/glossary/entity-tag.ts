/**
 * HTTP entity tags for terms: the version number, quoted (`"3"`). The gateway owns the HTTP
 * semantics (RFC 9110 §13); the glossary service compares versions inside its transaction.
 */

export function termEntityTag(version: number): string {
  return `"${version}"`;
}

export type IfMatch =
  | { kind: 'missing' }
  | { kind: 'any' }
  | { kind: 'version'; version: number }
  | { kind: 'unmatchable'; reason: string };

const STRONG_TAG = /^"(\d{1,9})"$/;

function tagsOf(header: string): string[] {
  return header
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/**
 * If-Match as the version the caller expects. Strong comparison: a weak tag never matches; a
 * tag that is not one of ours cannot match a term either.
 */
export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || header.trim() === '') return { kind: 'missing' };
  const tags = tagsOf(header);
  if (tags.length === 1 && tags[0] === '*') return { kind: 'any' };
  const versions = new Set(
    tags.map((tag) => STRONG_TAG.exec(tag)?.[1]).filter((version) => version !== undefined),
  );
  if (versions.size === 0)
    return { kind: 'unmatchable', reason: `If-Match ${header} names no version of this term` };
  if (versions.size > 1)
    return { kind: 'unmatchable', reason: 'If-Match must name exactly one version' };
  return { kind: 'version', version: Number([...versions][0]) };
}

/** If-None-Match on a GET: true when the caller's copy is current (answer 304). Weak comparison. */
export function notModified(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return tagsOf(header).some((tag) => tag === '*' || tag.replace(/^W\//, '') === etag);
}
