import type { WindowCount } from './sliding-window-rate-limiter';

/** What one gateway tells the others every sync interval: the requests it accepted, per key and window. */
export interface RateLimitReport {
  /** The sending gateway, so that it ignores its own report and the others count live replicas. */
  instance: string;
  /** The sender's limit: gateways configured with another limit count on their own. */
  limit: number;
  counts: WindowCount[];
}

/** As sent: `[key, windowStart, count]` triples keep a report of thousands of keys small. */
interface EncodedReport {
  instance: string;
  limit: number;
  counts: [string, number, number][];
}

export function encodeRateLimitReport(report: RateLimitReport): Uint8Array {
  const encoded: EncodedReport = {
    instance: report.instance,
    limit: report.limit,
    counts: report.counts.map(({ key, windowStart, count }) => [key, windowStart, count]),
  };
  return Buffer.from(JSON.stringify(encoded));
}

/** The report, or null when the message is not one (a peer of another version, a stray publish). */
export function decodeRateLimitReport(data: Uint8Array): RateLimitReport | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return null;
  }
  const candidate = parsed as Partial<EncodedReport> | null;
  if (typeof candidate?.instance !== 'string' || !Array.isArray(candidate.counts)) return null;
  if (!Number.isSafeInteger(candidate.limit)) return null;
  const counts: WindowCount[] = [];
  for (const entry of candidate.counts as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3) return null;
    const [key, windowStart, count] = entry as unknown[];
    if (typeof key !== 'string' || !Number.isSafeInteger(windowStart)) return null;
    if (!Number.isSafeInteger(count) || (count as number) < 1) return null;
    counts.push({ key, windowStart: windowStart as number, count: count as number });
  }
  return { instance: candidate.instance, limit: candidate.limit as number, counts };
}
