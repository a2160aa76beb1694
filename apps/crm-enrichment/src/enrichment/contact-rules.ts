import type { ContactFitAttributes, Department, Seniority } from '@sales-suite/contracts';
import {
  applyProposals,
  FieldChange,
  FieldMap,
  FieldValue,
  Proposal,
  stringOf,
} from '../provenance/field-provenance';
import { toCountryCode } from '../rules/country.rules';
import { analyzeEmail } from '../rules/email.rules';
import { joinName, nameFromEmailLocalPart, normalizeNameCasing } from '../rules/name.rules';
import { analyzePhone } from '../rules/phone.rules';
import { analyzeTitle } from '../rules/title.rules';

export const CONTACT_INPUT_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'title',
  'phone',
  'directPhone',
  'mobilePhone',
  'corporatePhone',
  'country',
  'city',
  'accountId',
  'ownerId',
  'source',
  'doNotContact',
] as const;
export type ContactInputField = (typeof CONTACT_INPUT_FIELDS)[number];
export type ContactInput = Partial<Record<ContactInputField, string | boolean | null>>;

/** Every field a contact view shows, in order. */
export const CONTACT_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'fullName',
  'title',
  'seniority',
  'department',
  'phone',
  'phoneE164',
  'phoneType',
  'directPhone',
  'mobilePhone',
  'corporatePhone',
  'country',
  'city',
  'accountId',
  'ownerId',
  'source',
  'doNotContact',
  'freeEmail',
  'disposableEmail',
  'roleAccount',
] as const;

export type InputSource = 'user' | 'import';
const INPUT_CONFIDENCE: Record<InputSource, number> = { user: 1, import: 0.9 };

/**
 * What a person (or an import) gave, as proposals: names cased, emails normalised, countries as
 * ISO codes. Nothing is refused here: a bad phone or country is kept as given with `invalid` and
 * a reason (an invalid email never gets here: requests and import rows with one are refused before,
 * and only emails stored before that are flagged so). Empty strings clear a field for a person
 * and mean "no value" in an import (an empty cell never wipes data).
 */
export function inputProposals(
  input: ContactInput,
  source: InputSource,
  currentCountry: string | null,
): Proposal[] {
  const confidence = INPUT_CONFIDENCE[source];
  const proposals: Proposal[] = [];
  const countryInput = typeof input.country === 'string' ? toCountryCode(input.country) : null;
  for (const field of CONTACT_INPUT_FIELDS) {
    let raw = input[field];
    if (raw === undefined) continue;
    if (typeof raw === 'string') raw = raw.trim() || null;
    if (raw === null && source === 'import') continue;
    const proposal: Proposal = { field, value: raw, source, confidence };
    if (typeof raw === 'string') {
      switch (field) {
        case 'email': {
          const email = analyzeEmail(raw);
          proposal.value = email.valid ? email.normalized : raw;
          if (!email.valid) Object.assign(proposal, { invalid: true, reason: email.reason });
          break;
        }
        case 'firstName':
        case 'lastName':
          proposal.value = normalizeNameCasing(raw);
          break;
        case 'country':
          if (countryInput) proposal.value = countryInput;
          else Object.assign(proposal, { invalid: true, reason: 'unknown_country' });
          break;
        case 'phone':
        case 'directPhone':
        case 'mobilePhone':
        case 'corporatePhone': {
          const phone = analyzePhone(raw, countryInput ?? currentCountry);
          if (!phone.valid) Object.assign(proposal, { invalid: true, reason: phone.reason });
          break;
        }
      }
    }
    proposals.push(proposal);
  }
  return proposals;
}

const rule = (field: string, value: FieldValue, name: string, confidence: number): Proposal => ({
  field,
  value,
  source: `rule:${name}`,
  confidence,
});

/** The registrable domain of a work email: what links a contact to its account. */
export function workEmailDomain(fields: FieldMap): string | null {
  const email = stringOf(fields, 'email');
  if (!email || fields.email?.invalid) return null;
  const analysis = analyzeEmail(email);
  return analysis.valid && !analysis.freeMail && !analysis.disposable
    ? analysis.registrableDomain
    : null;
}

/** What finds the same mailbox among contacts (`crm.contacts.email_key`). */
export function emailKeyOf(fields: FieldMap): string | null {
  const email = stringOf(fields, 'email');
  if (!email) return null;
  return analyzeEmail(email).dedupeKey ?? email.toLowerCase();
}

function firstStageProposals(fields: FieldMap): Proposal[] {
  const proposals: Proposal[] = [];
  const emailRaw = stringOf(fields, 'email');
  const email = emailRaw && !fields.email?.invalid ? analyzeEmail(emailRaw) : null;
  const valid = email?.valid === true;
  proposals.push(
    rule('freeEmail', valid && email.freeMail, 'email', 1),
    rule('disposableEmail', valid && email.disposable, 'email', 1),
    rule('roleAccount', valid && email.roleAccount, 'email', 1),
  );
  const guessed = valid && !email.roleAccount ? nameFromEmailLocalPart(email.localPart!) : null;
  proposals.push(
    rule('firstName', guessed?.firstName ?? null, 'email-name', 0.4),
    rule('lastName', guessed?.lastName ?? null, 'email-name', 0.4),
  );

  const title = analyzeTitle(stringOf(fields, 'title'));
  proposals.push(
    rule('seniority', title.seniority, 'title', title.confidence),
    rule('department', title.department, 'title', title.confidence),
  );

  const country = fields.country?.invalid ? null : stringOf(fields, 'country');
  const phoneRaw = stringOf(fields, 'phone');
  const phone = phoneRaw ? analyzePhone(phoneRaw, country) : null;
  proposals.push(
    rule('phoneE164', phone?.e164 ?? null, 'phone', 1),
    rule('phoneType', phone?.type ?? null, 'phone', 0.9),
    rule('country', phone?.country ?? null, 'phone', 0.6),
  );
  return proposals;
}

/**
 * Runs the offline rules over a contact's fields: email flags, a name from a `first.last`
 * mailbox, seniority and department from the title, E.164 phone (read in the contact's country),
 * a country from the phone, and the full name. Each rule only fills blanks or updates its own
 * earlier output, as `applyProposals` decides.
 */
export function applyContactRules(
  fields: FieldMap,
  now: string,
): { fields: FieldMap; changes: FieldChange[] } {
  const first = applyProposals(fields, firstStageProposals(fields), now);
  const names = joinName(stringOf(first.fields, 'firstName'), stringOf(first.fields, 'lastName'));
  const second = applyProposals(first.fields, [rule('fullName', names.fullName, 'name', 1)], now);
  return { fields: second.fields, changes: [...first.changes, ...second.changes] };
}

export interface AccountFit {
  industry: string | null;
  employeeRange: string | null;
  country: string | null;
}

/** What lead scoring reads (published in `crm.contact.*` events); the account's country stands in for the contact's. */
export function contactFit(fields: FieldMap, account: AccountFit | null): ContactFitAttributes {
  const country = stringOf(fields, 'country');
  return {
    seniority: stringOf(fields, 'seniority') as Seniority | null,
    department: stringOf(fields, 'department') as Department | null,
    country: (country && !fields.country?.invalid ? country : null) ?? account?.country ?? null,
    industry: account?.industry ?? null,
    employeeRange: account?.employeeRange ?? null,
    freeEmail: fields.freeEmail?.value === true,
    disposableEmail: fields.disposableEmail?.value === true,
    roleAccount: fields.roleAccount?.value === true,
  };
}
