import { EMPLOYEE_RANGES } from '@sales-suite/contracts';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { toCountryCode } from '../rules/country.rules';
import { registrableDomainOf } from '../rules/email.rules';
import type { CompanyFacts, EnrichmentProvider } from './enrichment-provider';

interface DirectoryRow {
  domain: string;
  name?: string;
  industry?: string;
  employee_range?: string;
  country?: string;
}

/**
 * Company data from a local CSV file (`domain,name,industry,employee_range,country`), read once
 * at start. Curated by the team, so its values count as verified. Safe per replica: every replica
 * reads the same file (shipped with the deployment), which changes only with a restart.
 */
export class CompanyDirectoryProvider implements EnrichmentProvider {
  readonly name = 'company-directory';
  readonly verified = true;
  readonly confidence = 0.9;
  private readonly companies: Map<string, CompanyFacts>;

  constructor(csv: string) {
    this.companies = new Map();
    const rows = parse(csv, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
    }) as DirectoryRow[];
    for (const row of rows) {
      const domain = row.domain ? registrableDomainOf(row.domain) : null;
      if (!domain) continue;
      const range = (EMPLOYEE_RANGES as readonly string[]).includes(row.employee_range ?? '')
        ? row.employee_range
        : null;
      this.companies.set(domain, {
        name: row.name || null,
        industry: row.industry || null,
        employeeRange: range ?? null,
        country: row.country ? toCountryCode(row.country) : null,
      });
    }
  }

  static fromFile(path: string): CompanyDirectoryProvider {
    return new CompanyDirectoryProvider(readFileSync(path, 'utf8'));
  }

  get size(): number {
    return this.companies.size;
  }

  lookupCompany(domain: string): Promise<CompanyFacts | null> {
    return Promise.resolve(this.companies.get(domain) ?? null);
  }
}
