import type { AccountView, ContactView, FieldProvenanceView } from '@sales-suite/contracts';
import { ACCOUNT_FIELDS } from '../enrichment/account-rules';
import { CONTACT_FIELDS } from '../enrichment/contact-rules';
import type { FieldMap, FieldValue } from '../provenance/field-provenance';
import type { AccountRow, RecordRow } from './crm-records.store';

export function provenanceView(fields: FieldMap): Record<string, FieldProvenanceView> {
  return Object.fromEntries(
    Object.entries(fields).map(([field, state]) => [
      field,
      {
        value: state.value,
        source: state.source,
        confidence: state.confidence,
        observedAt: state.observedAt,
        verifiedAt: state.verifiedAt,
        locked: state.locked,
        ...(state.invalid ? { invalid: true, reason: state.reason } : {}),
        ...(state.sourceRef ? { sourceRef: state.sourceRef } : {}),
      },
    ]),
  );
}

export function fieldValues(
  fields: FieldMap,
  names: readonly string[],
): Record<string, FieldValue> {
  return Object.fromEntries(names.map((name) => [name, fields[name]?.value ?? null]));
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function toContactView(row: RecordRow): ContactView {
  const values = fieldValues(row.fields, CONTACT_FIELDS);
  return {
    id: row.id,
    ...(values as unknown as Omit<ContactView, 'id'>),
    doNotContact: values.doNotContact === true,
    freeEmail: values.freeEmail === true,
    disposableEmail: values.disposableEmail === true,
    roleAccount: values.roleAccount === true,
    provenance: provenanceView(row.fields),
    custom: row.custom ?? {},
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function toAccountView(row: AccountRow): AccountView {
  return {
    id: row.id,
    domain: row.domain,
    ...(fieldValues(row.fields, ACCOUNT_FIELDS) as unknown as Omit<AccountView, 'id' | 'domain'>),
    provenance: provenanceView(row.fields),
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
