import type { WindowCount } from './sliding-window-rate-limiter';

/**
 * The budgets the gateways share: requests per API key, and failed authentications per client
 * network (see RequestAuthorizer).
 */
export const RATE_LIMIT_BUDGETS = ['apiKey', 'authFailures'] as const;
export type RateLimitBudget = (typeof RATE_LIMIT_BUDGETS)[number];

function isBudget(value: unknown): value is RateLimitBudget {
  return RATE_LIMIT_BUDGETS.includes(value as RateLimitBudget);
}

/** What one gateway tells the others every sync interval: what one budget accepted, per key and window. */
export interface RateLimitReport {
  /** The sending gateway, so that it ignores its own report and the others count live replicas. */
  instance: string;
  budget: RateLimitBudget;
  /** The sender's limit for that budget: gateways configured with another limit count on their own. */
  limit: number;
  counts: WindowCount[];
}

/** As sent: `[key, windowStart, count]` triples keep a report of thousands of keys small. */
interface EncodedReport {
  instance: string;
  budget: RateLimitBudget;
  limit: number;
  counts: [string, number, number][];
}

export function encodeRateLimitReport(report: RateLimitReport): Uint8Array {
  const encoded: EncodedReport = {
    instance: report.instance,
    budget: report.budget,
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
  if (!isBudget(candidate.budget) || !Number.isSafeInteger(candidate.limit)) return null;
  const counts: WindowCount[] = [];
  for (const entry of candidate.counts as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3) return null;
    const [key, windowStart, count] = entry as unknown[];
    if (typeof key !== 'string' || !Number.isSafeInteger(windowStart)) return null;
    if (!Number.isSafeInteger(count) || (count as number) < 1) return null;
    counts.push({ key, windowStart: windowStart as number, count: count as number });
  }
  return {
    instance: candidate.instance,
    budget: candidate.budget,
    limit: candidate.limit as number,
    counts,
  };
}
