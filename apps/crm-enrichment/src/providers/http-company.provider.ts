import { EMPLOYEE_RANGES } from '@sales-suite/contracts';
import { toCountryCode } from '../rules/country.rules';
import type { CompanyFacts, EnrichmentProvider } from './enrichment-provider';
import { backoffDelay, CircuitBreaker, Clock, TokenBucket } from './resilience';

export interface HttpProviderOptions {
  name: string;
  /** `{domain}` is replaced by the URL-encoded domain. */
  urlTemplate: string;
  /** e.g. `Authorization: Bearer abc` or `X-Api-Key: abc`. */
  authHeader?: string;
  timeoutMs: number;
  /** Retries after the first attempt, for timeouts, network errors, 429 and 5xx. */
  retries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  breakerFailureThreshold: number;
  breakerCooldownMs: number;
  ratePerSecond: number;
  rateBurst: number;
  verified: boolean;
  clock?: Clock;
}

/** A failure that may pass if tried again (timeouts, 429, 5xx, network). */
class RetryableError extends Error {}

/**
 * Any HTTP company-data API that answers `GET <url>` with JSON
 * `{ name, industry, employeeRange, country }` (404 = unknown company). Every call is rate
 * limited, has a timeout, is retried with jittered exponential back-off, and goes through a
 * circuit breaker so a dead provider costs nothing after a few failures.
 */
export class HttpCompanyProvider implements EnrichmentProvider {
  readonly name: string;
  readonly verified: boolean;
  readonly confidence = 0.7;
  readonly breaker: CircuitBreaker;
  private readonly bucket: TokenBucket;
  private readonly headers: Record<string, string> = { accept: 'application/json' };

  constructor(private readonly options: HttpProviderOptions) {
    this.name = options.name;
    this.verified = options.verified;
    this.breaker = new CircuitBreaker(
      options.breakerFailureThreshold,
      options.breakerCooldownMs,
      options.clock,
    );
    this.bucket = new TokenBucket(options.ratePerSecond, options.rateBurst, options.clock);
    if (options.authHeader) {
      const colon = options.authHeader.indexOf(':');
      if (colon > 0)
        this.headers[options.authHeader.slice(0, colon).trim().toLowerCase()] = options.authHeader
          .slice(colon + 1)
          .trim();
    }
  }

  lookupCompany(domain: string): Promise<CompanyFacts | null> {
    return this.breaker.run(() => this.withRetries(domain));
  }

  private async withRetries(domain: string): Promise<CompanyFacts | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.bucket.take();
        return await this.fetchOnce(domain);
      } catch (error) {
        if (!(error instanceof RetryableError) || attempt > this.options.retries) throw error;
        const delay = backoffDelay(attempt, this.options.backoffBaseMs, this.options.backoffMaxMs);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async fetchOnce(domain: string): Promise<CompanyFacts | null> {
    const url = this.options.urlTemplate.replace('{domain}', encodeURIComponent(domain));
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, {
        headers: this.headers,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      throw new RetryableError(
        `${this.name}: ${(error as Error).name} ${(error as Error).message}`,
      );
    }
    if (response.status === 404) return null;
    if (response.status === 429 || response.status >= 500)
      throw new RetryableError(`${this.name} answered ${response.status}`);
    if (!response.ok) throw new Error(`${this.name} answered ${response.status}`);
    return parseCompanyFacts(body, this.name);
  }
}

const optionalString = (value: unknown, max = 300): string | null =>
  typeof value === 'string' && value.trim() && value.length <= max ? value.trim() : null;

/** Reads a provider's JSON answer; anything that is not an object of the expected shape throws. */
export function parseCompanyFacts(body: string, provider: string): CompanyFacts {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new Error(`${provider} answered something that is not JSON`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new Error(`${provider} answered JSON that is not an object`);
  const record = data as Record<string, unknown>;
  const range = optionalString(record.employeeRange);
  const country = optionalString(record.country, 100);
  return {
    name: optionalString(record.name),
    industry: optionalString(record.industry, 100),
    employeeRange: range && (EMPLOYEE_RANGES as readonly string[]).includes(range) ? range : null,
    country: country ? toCountryCode(country) : null,
  };
}
