import { CrmAccountUpdated, CrmContactChanged, CrmEvents } from '@sales-suite/contracts';
import { contactFit } from '../enrichment/contact-rules';
import { FieldChange, stringOf } from '../provenance/field-provenance';
import type { AccountRow, OutboxEvent, RecordRow } from './crm-records.store';

const isEnrichment = (change: FieldChange) =>
  change.source.startsWith('rule:') || change.source.startsWith('provider:');

/**
 * `crm.contact.updated` when a person or an import changed values, `crm.contact.enriched` when
 * rules or providers did; one change can produce both. Unchanged values publish nothing.
 */
export function contactEvents(
  contact: RecordRow,
  changes: FieldChange[],
  account: AccountRow | null,
  occurredAt: string,
): OutboxEvent[] {
  const changed = changes.filter((change) => change.valueChanged);
  const fit = contactFit(contact.fields, account ? accountFit(account) : null);
  const base = {
    contactId: contact.id,
    accountId: stringOf(contact.fields, 'accountId'),
    email: contact.fields.email?.invalid ? null : stringOf(contact.fields, 'email'),
    fit,
    occurredAt,
  };
  const events: OutboxEvent[] = [];
  const updated = changed.filter((change) => !isEnrichment(change)).map((change) => change.field);
  const enriched = changed.filter(isEnrichment).map((change) => change.field);
  if (updated.length > 0)
    events.push({
      subject: CrmEvents.ContactUpdated,
      payload: { ...base, changedFields: updated } satisfies CrmContactChanged,
    });
  if (enriched.length > 0)
    events.push({
      subject: CrmEvents.ContactEnriched,
      payload: { ...base, changedFields: enriched } satisfies CrmContactChanged,
    });
  return events;
}

function accountFit(account: AccountRow) {
  return {
    industry: stringOf(account.fields, 'industry'),
    employeeRange: stringOf(account.fields, 'employeeRange'),
    country: account.fields.country?.invalid ? null : stringOf(account.fields, 'country'),
  };
}

export function accountEvent(
  account: AccountRow,
  changes: FieldChange[],
  occurredAt: string,
): OutboxEvent[] {
  const changedFields = changes
    .filter((change) => change.valueChanged)
    .map((change) => change.field);
  if (changedFields.length === 0) return [];
  const payload: CrmAccountUpdated = {
    accountId: account.id,
    domain: account.domain,
    name: stringOf(account.fields, 'name'),
    industry: stringOf(account.fields, 'industry'),
    employeeRange: stringOf(account.fields, 'employeeRange'),
    country: stringOf(account.fields, 'country'),
    changedFields,
    occurredAt,
  };
  return [{ subject: CrmEvents.AccountUpdated, payload }];
}
