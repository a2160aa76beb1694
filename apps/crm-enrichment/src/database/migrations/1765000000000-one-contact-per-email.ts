import { MigrationInterface, QueryRunner } from 'typeorm';
import { mergeContactRecords } from '../../duplicates/merge-contacts';
import { CONTACT_EMAIL_INDEX, CrmRecordsStore } from '../../records/crm-records.store';

/** Who the merges are recorded as, in the field history. */
export const EMAIL_MERGE_ACTOR = 'migration:one-contact-per-email';
const GROUPS_PER_ROUND = 200;

/**
 * One contact per email: contacts whose emails differ only in case are merged first, then a
 * unique index keeps it so (contacts without an email stay as many as they are).
 *
 * Each group is merged as `POST /contacts/merge` would: the oldest contact (creation time, then
 * id) stays, keeping per field the best-provenance value of the group, with every duplicate's
 * field history moved to it and a `mergedContact` entry naming each duplicate's id; the
 * duplicates are deleted and the change is published as `crm.contact.updated`. Other services
 * may still hold a deleted id (a lead's contact, a message's contact): as after an API merge,
 * the survivor's history says which contact it became. `down` drops the index; merged contacts
 * are not split again.
 */
export class OneContactPerEmail1765000000000 implements MigrationInterface {
  name = 'OneContactPerEmail1765000000000';

  async up(db: QueryRunner): Promise<void> {
    // Replicas still running the previous version keep writing: none may add a duplicate
    // between the merge and the index.
    await db.query(`LOCK TABLE crm.contacts IN SHARE ROW EXCLUSIVE MODE`);
    const store = new CrmRecordsStore();
    const now = new Date().toISOString();
    for (;;) {
      const groups: { ids: string[]; staleAt: Date | null }[] = await db.query(
        `SELECT array_agg(id::text ORDER BY created_at, id) AS ids, min(stale_at) AS "staleAt"
         FROM crm.contacts WHERE email IS NOT NULL
         GROUP BY lower(email) HAVING count(*) > 1 ORDER BY lower(email) LIMIT $1`,
        [GROUPS_PER_ROUND],
      );
      if (groups.length === 0) break;
      for (const { ids, staleAt } of groups) {
        const rows = await store.contactsById(db.manager, ids, true);
        const byId = new Map(rows.map((row) => [row.id, row]));
        await mergeContactRecords(db.manager, store, {
          primary: byId.get(ids[0])!,
          duplicates: ids.slice(1).map((id) => byId.get(id)!),
          actor: EMAIL_MERGE_ACTOR,
          source: EMAIL_MERGE_ACTOR,
          now,
          // The group's earliest: every merged value was covered by its own contact's limit.
          staleAt: () => (staleAt ? new Date(staleAt).toISOString() : null),
        });
      }
    }
    // The unique index answers the email filter and the "who has this email" look-ups too.
    await db.query(`DROP INDEX crm.contacts_email_idx`);
    await db.query(`CREATE UNIQUE INDEX ${CONTACT_EMAIL_INDEX} ON crm.contacts (lower(email))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX crm.${CONTACT_EMAIL_INDEX}`);
    await db.query(`CREATE INDEX contacts_email_idx ON crm.contacts (email)`);
  }
}
