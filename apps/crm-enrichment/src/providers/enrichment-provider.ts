/** Firmographics a provider knows about a company; absent or null means "unknown". */
export interface CompanyFacts {
  name?: string | null;
  industry?: string | null;
  employeeRange?: string | null;
  /** ISO-3166 alpha-2. */
  country?: string | null;
}

/**
 * A source of company data. `lookupCompany` answers null when the provider has no record, and
 * throws when it failed (the caller logs, counts and carries on without it).
 */
export interface EnrichmentProvider {
  /** Recorded as `provider:<name>` in each field's provenance. */
  readonly name: string;
  /** Curated data: outranks unverified providers and rules. */
  readonly verified: boolean;
  readonly confidence: number;
  lookupCompany(domain: string): Promise<CompanyFacts | null>;
}

export const ENRICHMENT_PROVIDERS = Symbol('ENRICHMENT_PROVIDERS');
