import { Injectable } from '@nestjs/common';
import { insertOutboxEvents } from '@sales-suite/persistence';
import { EntityManager } from 'typeorm';
import type { FieldMap, FieldValue } from '../provenance/field-provenance';

/** An import column no contact field takes, kept by its header. */
export interface CustomField {
  value: string;
  source: string;
  observedAt: string;
}

export interface RecordRow {
  id: string;
  fields: FieldMap;
  /** Contacts only; absent on a row just inserted (a new contact has none yet). */
  custom?: Record<string, CustomField>;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface AccountRow extends RecordRow {
  domain: string;
}

export interface ContactWrite {
  id?: string;
  fields: FieldMap;
  emailKey: string | null;
  staleAt: string | null;
}

export interface HistoryEntry {
  entityType: 'contact' | 'account';
  entityId: string;
  field: string;
  oldValue: FieldValue;
  newValue: FieldValue;
  source: string;
  confidence: number;
  actor: string;
  reason: 'create' | 'update' | 'enrich' | 'import' | 'merge' | 'refresh' | 'unsubscribe';
}

export interface OutboxEvent {
  subject: string;
  payload: unknown;
}

/** The unique index that keeps one contact per normalised email. */
export const CONTACT_EMAIL_INDEX = 'contacts_email_unique';

const STAMP_COLUMNS = `id, version, created_at AS "createdAt", updated_at AS "updatedAt"`;
const CONTACT_COLUMNS = `${STAMP_COLUMNS}, fields, custom`;
const ACCOUNT_COLUMNS = `${STAMP_COLUMNS}, fields, domain`;

/**
 * SQL for contacts, accounts, field history and events, in sets: the API writes one record at a
 * time and the import hundreds, through the same statements. Always called inside the caller's
 * transaction (`manager`).
 */
@Injectable()
export class CrmRecordsStore {
  async contactsById(manager: EntityManager, ids: string[], lock = false): Promise<RecordRow[]> {
    return manager.query(
      // custom read through the row (here and in updateContacts): the migration that merged contacts
      // sharing an email runs both before the column exists.
      `SELECT ${STAMP_COLUMNS}, fields, to_jsonb(contacts)->'custom' AS custom FROM crm.contacts
       WHERE id = ANY($1::uuid[]) ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
      [ids],
    );
  }

  /**
   * Serialises the writers of the same mailboxes (API creates and email changes, import batches)
   * until the transaction ends, so that reading "who has this email?" and then writing stays
   * true across replicas. Keys are locked in one order everywhere: two batches never deadlock.
   */
  async lockEmailKeys(manager: EntityManager, keys: Iterable<string>): Promise<void> {
    const sorted = [...new Set(keys)].sort();
    if (sorted.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('crm.contact-email:' || k, 0)) FROM unnest($1::text[]) AS k`,
      [sorted],
    );
  }

  /** The contact holding this (normalised) email, other than `exceptId`, locked for update. */
  async contactWithEmail(
    manager: EntityManager,
    email: string,
    exceptId: string | null = null,
  ): Promise<RecordRow | undefined> {
    const [row]: RecordRow[] = await manager.query(
      `SELECT ${CONTACT_COLUMNS} FROM crm.contacts
       WHERE lower(email) = lower($1) AND ($2::uuid IS NULL OR id <> $2::uuid) FOR UPDATE`,
      [email, exceptId],
    );
    return row;
  }

  /**
   * What each imported email updates instead of duplicating: the contact with exactly that email,
   * else the oldest with the same mailbox key (`J.Doe+crm@gmail.com` = `jdoe@gmail.com`).
   */
  async contactsForEmails(
    manager: EntityManager,
    items: { key: string; email: string }[],
  ): Promise<(RecordRow | null)[]> {
    const rows: (RecordRow & { emailKey: string | null; emailLower: string | null })[] =
      await manager.query(
        `SELECT ${CONTACT_COLUMNS}, email_key AS "emailKey", lower(email) AS "emailLower"
         FROM crm.contacts WHERE email_key = ANY($1::text[]) OR lower(email) = ANY($2::text[])
         ORDER BY created_at, id FOR UPDATE`,
        [items.map((item) => item.key), items.map((item) => item.email.toLowerCase())],
      );
    // The first row (oldest) per email and per key, as the query orders them.
    const byEmail = new Map<string, (typeof rows)[number]>();
    const byKey = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      if (row.emailLower !== null && !byEmail.has(row.emailLower)) byEmail.set(row.emailLower, row);
      if (row.emailKey !== null && !byKey.has(row.emailKey)) byKey.set(row.emailKey, row);
    }
    return items.map(({ key, email }) => {
      const match = byEmail.get(email.toLowerCase()) ?? byKey.get(key);
      if (!match) return null;
      const { emailKey: _key, emailLower: _email, ...row } = match;
      return row;
    });
  }

  /** Answers the stored rows in input order; the fields are the ones given (not read back). */
  async insertContacts(manager: EntityManager, rows: ContactWrite[]): Promise<RecordRow[]> {
    const stored: Omit<RecordRow, 'fields'>[] = await manager.query(
      `INSERT INTO crm.contacts (fields, email_key, stale_at)
       SELECT r.fields::jsonb, r.email_key, r.stale_at
       FROM unnest(string_to_array($1, E'\\n'), $2::text[], $3::timestamptz[]) WITH ORDINALITY
         AS r(fields, email_key, stale_at, ord) ORDER BY r.ord
       RETURNING ${STAMP_COLUMNS}`,
      [
        jsonLines(rows.map((row) => row.fields)),
        rows.map((row) => row.emailKey),
        rows.map((row) => row.staleAt),
      ],
    );
    return stored.map((row, index) => ({ ...row, fields: rows[index].fields }));
  }

  async updateContacts(manager: EntityManager, rows: ContactWrite[]): Promise<RecordRow[]> {
    // UPDATE answers [rows, count] through TypeORM.
    const [updated] = (await manager.query(
      `UPDATE crm.contacts c SET fields = r.fields::jsonb, email_key = r.email_key, stale_at = r.stale_at,
         version = c.version + 1, updated_at = now()
       FROM unnest($1::uuid[], string_to_array($2, E'\\n'), $3::text[], $4::timestamptz[])
         AS r(id, fields, email_key, stale_at)
       WHERE c.id = r.id RETURNING c.id, c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
         to_jsonb(c)->'custom' AS custom`,
      [
        rows.map((row) => row.id),
        jsonLines(rows.map((row) => row.fields)),
        rows.map((row) => row.emailKey),
        rows.map((row) => row.staleAt),
      ],
    )) as [Omit<RecordRow, 'fields'>[], number];
    const fieldsById = new Map(rows.map((row) => [row.id, row.fields]));
    return updated.map((row) => ({ ...row, fields: fieldsById.get(row.id)! }));
  }

  /**
   * Sets custom fields (header → value) from one source; a value already stored as given keeps
   * its first observation, so re-importing a file changes nothing.
   */
  async mergeCustomFields(
    manager: EntityManager,
    rows: { id: string; values: Record<string, string> }[],
    source: string,
    now: string,
  ): Promise<void> {
    const given = rows.filter((row) => Object.keys(row.values).length > 0);
    if (given.length === 0) return;
    await manager.query(
      `UPDATE crm.contacts c SET custom = c.custom || (
         SELECT coalesce(jsonb_object_agg(e.key, jsonb_build_object('value', e.value, 'source', $2::text, 'observedAt', $3::text)), '{}')
         FROM jsonb_each_text(r.vals) AS e(key, value)
         WHERE c.custom->e.key->>'value' IS DISTINCT FROM e.value)
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, vals jsonb)
       WHERE c.id = r.id`,
      [JSON.stringify(given.map((row) => ({ id: row.id, vals: row.values }))), source, now],
    );
  }

  async setCustomFields(
    manager: EntityManager,
    id: string,
    custom: Record<string, CustomField>,
  ): Promise<void> {
    await manager.query(`UPDATE crm.contacts SET custom = $2 WHERE id = $1`, [
      id,
      JSON.stringify(custom),
    ]);
  }

  /** Updates only the freshness of fields whose value did not change (no version bump). */
  async touchContact(manager: EntityManager, row: ContactWrite): Promise<void> {
    await manager.query(`UPDATE crm.contacts SET fields = $2, stale_at = $3 WHERE id = $1`, [
      row.id,
      JSON.stringify(row.fields),
      row.staleAt,
    ]);
  }

  async deleteContacts(manager: EntityManager, ids: string[]): Promise<number> {
    const [, count] = (await manager.query(`DELETE FROM crm.contacts WHERE id = ANY($1::uuid[])`, [
      ids,
    ])) as [unknown, number];
    return count;
  }

  async accountsById(manager: EntityManager, ids: string[], lock = false): Promise<AccountRow[]> {
    return manager.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM crm.accounts WHERE id = ANY($1::uuid[]) ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
      [ids],
    );
  }

  async accountsByDomain(manager: EntityManager, domains: string[]): Promise<AccountRow[]> {
    return manager.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM crm.accounts WHERE domain = ANY($1::text[])`,
      [domains],
    );
  }

  /** Domain of the oldest account per name (case-insensitive), for names given without a domain. */
  async accountDomainsByName(
    manager: EntityManager,
    names: string[],
  ): Promise<Map<string, string>> {
    if (names.length === 0) return new Map();
    const rows: { name: string; domain: string }[] = await manager.query(
      `SELECT DISTINCT ON (lower(fields->'name'->>'value')) lower(fields->'name'->>'value') AS name, domain
       FROM crm.accounts WHERE lower(fields->'name'->>'value') = ANY($1::text[])
       ORDER BY lower(fields->'name'->>'value'), created_at, id`,
      [[...new Set(names.map((name) => name.toLowerCase()))]],
    );
    return new Map(rows.map((row) => [row.name, row.domain]));
  }

  /** Inserts accounts whose domain is new; answers only the rows this call created. */
  async insertAccounts(
    manager: EntityManager,
    rows: { domain: string; fields: FieldMap; staleAt: string | null }[],
  ): Promise<AccountRow[]> {
    return manager.query(
      `INSERT INTO crm.accounts (domain, fields, stale_at)
       SELECT r.domain, r.fields, r.stale_at FROM jsonb_to_recordset($1::jsonb)
         AS r(domain text, fields jsonb, stale_at timestamptz)
       ON CONFLICT (domain) DO NOTHING RETURNING ${ACCOUNT_COLUMNS}`,
      [
        JSON.stringify(
          rows.map((row) => ({ domain: row.domain, fields: row.fields, stale_at: row.staleAt })),
        ),
      ],
    );
  }

  /** Answers the stored rows in no particular order. */
  async updateAccounts(
    manager: EntityManager,
    rows: { id: string; fields: FieldMap; staleAt: string | null; bumpVersion: boolean }[],
  ): Promise<AccountRow[]> {
    const [updated] = (await manager.query(
      `UPDATE crm.accounts a SET fields = r.fields, stale_at = r.stale_at,
         version = a.version + r.bump, updated_at = CASE WHEN r.bump = 1 THEN now() ELSE a.updated_at END
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, fields jsonb, stale_at timestamptz, bump int)
       WHERE a.id = r.id
       RETURNING a.id, a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.fields, a.domain`,
      [
        JSON.stringify(
          rows.map((row) => ({
            id: row.id,
            fields: row.fields,
            stale_at: row.staleAt,
            bump: row.bumpVersion ? 1 : 0,
          })),
        ),
      ],
    )) as [AccountRow[], number];
    return updated;
  }

  /** One history row per record and actor, holding that record's field changes in order. */
  async insertHistory(manager: EntityManager, entries: HistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = new Map<
      string,
      { entityType: string; entityId: string; actor: string; changes: unknown[] }
    >();
    for (const entry of entries) {
      const key = `${entry.entityType}:${entry.entityId}:${entry.actor}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          entityType: entry.entityType,
          entityId: entry.entityId,
          actor: entry.actor,
          changes: [],
        };
        rows.set(key, row);
      }
      row.changes.push({
        field: entry.field,
        oldValue: entry.oldValue,
        newValue: entry.newValue,
        source: entry.source,
        confidence: entry.confidence,
        reason: entry.reason,
      });
    }
    const grouped = [...rows.values()];
    await manager.query(
      `INSERT INTO crm.field_history (entity_type, entity_id, actor, changes)
       SELECT r.entity_type, r.entity_id, r.actor, r.changes::jsonb
       FROM unnest($1::text[], $2::uuid[], $3::text[], string_to_array($4, E'\\n'))
         AS r(entity_type, entity_id, actor, changes)`,
      [
        grouped.map((row) => row.entityType),
        grouped.map((row) => row.entityId),
        grouped.map((row) => row.actor),
        jsonLines(grouped.map((row) => row.changes)),
      ],
    );
  }

  /** Moves the history of merged contacts to the contact that stays. */
  async moveHistory(manager: EntityManager, fromIds: string[], toId: string): Promise<void> {
    await manager.query(
      `UPDATE crm.field_history SET entity_id = $2 WHERE entity_type = 'contact' AND entity_id = ANY($1::uuid[])`,
      [fromIds, toId],
    );
  }

  /**
   * Writes events into the service's outbox (the table `OutboxService` writes) in one statement:
   * an import changes thousands of contacts per transaction.
   */
  async enqueueEvents(manager: EntityManager, events: OutboxEvent[]): Promise<void> {
    await insertOutboxEvents(manager, 'crm.outbox', events);
  }
}

/**
 * JSON documents as one text of lines (JSON.stringify never writes a raw newline), split and
 * parsed one by one in SQL: PostgreSQL parses many small documents at about half the CPU of one
 * document holding them all (jsonb_to_recordset), and text needs none of the escaping of an array.
 */
function jsonLines(documents: unknown[]): string {
  return documents.map((document) => JSON.stringify(document)).join('\n');
}
