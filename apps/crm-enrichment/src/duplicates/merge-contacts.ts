import type { EntityManager } from 'typeorm';
import { applyContactRules, emailKeyOf } from '../enrichment/contact-rules';
import { FieldMap, stringOf } from '../provenance/field-provenance';
import { contactEvents } from '../records/crm-events';
import { CrmRecordsStore, HistoryEntry, RecordRow } from '../records/crm-records.store';
import { diffFields, mergeFieldMaps } from './merge-fields';

/**
 * Merges duplicates into the contact that stays, in the caller's transaction: per field the
 * best-provenance value, the rules re-run, the duplicates' field history moved to it with a
 * `mergedContact` entry per duplicate, the duplicates deleted, and the change published. Shared by
 * `POST /contacts/merge` and the migration that merged contacts sharing an email.
 */
export async function mergeContactRecords(
  manager: EntityManager,
  store: CrmRecordsStore,
  merge: {
    primary: RecordRow;
    duplicates: RecordRow[];
    actor: string;
    /** Who decided the merge, recorded on each `mergedContact` entry (`user` through the API). */
    source: string;
    now: string;
    staleAt: (fields: FieldMap) => string | null;
  },
): Promise<RecordRow> {
  const { primary, duplicates, actor, now } = merge;
  const duplicateIds = duplicates.map((row) => row.id);
  const best = mergeFieldMaps([primary.fields, ...duplicates.map((row) => row.fields)]);
  const fields = applyContactRules(best, now).fields;
  const changes = diffFields(primary.fields, fields);
  await store.moveHistory(manager, duplicateIds, primary.id);
  // Custom fields: the primary's own win, the duplicates' fill the headers it lacks.
  const custom = Object.assign({}, ...duplicates.map((row) => row.custom), primary.custom);
  if (Object.keys(custom).length > Object.keys(primary.custom ?? {}).length)
    await store.setCustomFields(manager, primary.id, custom);
  // Deleted first: the email the merge keeps may be a duplicate's, and emails are unique.
  await store.deleteContacts(manager, duplicateIds);
  const [row] = await store.updateContacts(manager, [
    { id: primary.id, fields, emailKey: emailKeyOf(fields), staleAt: merge.staleAt(fields) },
  ]);
  const history: HistoryEntry[] = [
    ...changes.map((change) => ({
      entityType: 'contact' as const,
      entityId: row.id,
      field: change.field,
      oldValue: change.oldValue,
      newValue: change.newValue,
      source: change.source,
      confidence: change.confidence,
      actor,
      reason: 'merge' as const,
    })),
    ...duplicateIds.map((id) => ({
      entityType: 'contact' as const,
      entityId: row.id,
      field: 'mergedContact',
      oldValue: id,
      newValue: null,
      source: merge.source,
      confidence: 1,
      actor,
      reason: 'merge' as const,
    })),
  ];
  await store.insertHistory(manager, history);
  const accountId = stringOf(fields, 'accountId');
  const [account] = accountId ? await store.accountsById(manager, [accountId]) : [];
  await store.enqueueEvents(manager, contactEvents(row, changes, account ?? null, now));
  return row;
}
