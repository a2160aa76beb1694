import { registrableDomainOf } from '../../rules/email.rules';
import type { COMPANY_FIELDS } from './export-headers';

export type CompanyColumns = Partial<Record<(typeof COMPANY_FIELDS)[number], string>>;

/** An account field as a file gives it, before provenance is attached. */
export interface AccountValue {
  field: 'name' | 'industry' | 'employeeRange' | 'country' | 'website' | 'city' | 'annualRevenue';
  value: string;
}

/** What a row says of the contact's company: where to link it and what to propose. */
export interface CompanyOfRow {
  /** From the website / domain column: links the account first. */
  domain: string | null;
  /** Links an existing account of that name when there is no domain. */
  name: string | null;
  values: AccountValue[];
}

/** The vendors' buckets (`EMPLOYEE_RANGES`), by their upper bound. */
const EMPLOYEE_BUCKETS: [number, string][] = [
  [10, '1-10'],
  [50, '11-50'],
  [200, '51-200'],
  [500, '201-500'],
  [1000, '501-1000'],
  [5000, '1001-5000'],
  [10000, '5001-10000'],
];

/**
 * An employee count or range as a bucket: `250` → `201-500`, `"1,001-5,000"` → `1001-5000`,
 * `10001+` → `10001+`; the largest number decides. Null when the cell holds no number.
 */
export function employeeRangeOf(raw: string): string | null {
  const numbers = (raw.replace(/(\d)[,.\s](?=\d{3}\b)/g, '$1').match(/\d+/g) ?? []).map(Number);
  if (numbers.length === 0) return null;
  const size = Math.max(...numbers);
  if (size === 0) return null;
  return EMPLOYEE_BUCKETS.find(([upper]) => size <= upper)?.[1] ?? '10001+';
}

/** Annual revenue as a plain amount: `"12,000,000"` → `12000000`, `$5M` → `5000000`; else as given. */
export function annualRevenueOf(raw: string): string {
  const match = /^\s*[$€£]?\s*([\d.,]+)\s*([kmb])?\s*$/i.exec(raw);
  if (!match) return raw.trim();
  const unit = { k: 1e3, m: 1e6, b: 1e9 }[(match[2] ?? '').toLowerCase() as 'k' | 'm' | 'b'] ?? 1;
  const amount = Number(match[1].replace(/,/g, '')) * unit;
  return Number.isFinite(amount) ? String(Math.round(amount)) : raw.trim();
}

/** The company columns of a row as the account to link and the account values to propose. */
export function companyOfRow(company: CompanyColumns): CompanyOfRow {
  const domain = company.companyDomain ? registrableDomainOf(company.companyDomain) : null;
  const values: AccountValue[] = [];
  const add = (field: AccountValue['field'], value: string | null | undefined) => {
    if (value) values.push({ field, value });
  };
  add('name', company.companyName);
  add('industry', company.companyIndustry);
  add('employeeRange', company.companyEmployees && employeeRangeOf(company.companyEmployees));
  add('annualRevenue', company.companyRevenue && annualRevenueOf(company.companyRevenue));
  add('city', company.companyCity);
  add('country', company.companyCountry);
  if (domain) add('website', `https://${domain}`);
  return { domain, name: company.companyName ?? null, values };
}
