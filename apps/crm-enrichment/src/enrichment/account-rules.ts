import type { FieldValue, Proposal } from '../provenance/field-provenance';
import { toCountryCode } from '../rules/country.rules';
import { companyNameFromDomain } from '../rules/email.rules';
import type { InputSource } from './contact-rules';

export const ACCOUNT_INPUT_FIELDS = [
  'name',
  'industry',
  'employeeRange',
  'country',
  'website',
  'city',
  'annualRevenue',
] as const;
export type AccountInput = Partial<Record<(typeof ACCOUNT_INPUT_FIELDS)[number], string | null>>;
export const ACCOUNT_FIELDS = ACCOUNT_INPUT_FIELDS;

export function accountInputProposals(input: AccountInput, source: InputSource): Proposal[] {
  const proposals: Proposal[] = [];
  for (const field of ACCOUNT_INPUT_FIELDS) {
    const raw = input[field];
    if (raw === undefined) continue;
    const value: FieldValue = typeof raw === 'string' ? raw.trim() || null : null;
    const proposal: Proposal = { field, value, source, confidence: source === 'user' ? 1 : 0.9 };
    if (field === 'country' && typeof value === 'string') {
      const code = toCountryCode(value);
      if (code) proposal.value = code;
      else Object.assign(proposal, { invalid: true, reason: 'unknown_country' });
    }
    proposals.push(proposal);
  }
  return proposals;
}

/** Guesses from the domain alone, at low confidence: any provider or person outranks them. */
export function accountDomainProposals(domain: string): Proposal[] {
  return [
    { field: 'name', value: companyNameFromDomain(domain), source: 'rule:domain', confidence: 0.3 },
    { field: 'website', value: `https://${domain}`, source: 'rule:domain', confidence: 0.5 },
  ];
}
