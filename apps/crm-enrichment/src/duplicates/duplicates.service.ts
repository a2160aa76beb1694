import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ContactView,
  DomainError,
  DuplicateGroupsView,
  ErrorCode,
  MergeContactsDto,
} from '@sales-suite/contracts';
import { OutboxRelayService } from '@sales-suite/persistence';
import { DataSource } from 'typeorm';
import { CrmRecordsStore } from '../records/crm-records.store';
import { toContactView } from '../records/record-views';
import { RecordWriter } from '../records/record-writer.service';
import { mergeContactRecords } from './merge-contacts';

const MAX_GROUPS = 100;

@Injectable()
export class DuplicatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CrmRecordsStore,
    private readonly writer: RecordWriter,
    private readonly relay: OutboxRelayService,
  ) {}

  /** Contacts sharing a normalised email, or the same full name at the same account. */
  async find(accountId?: string): Promise<DuplicateGroupsView> {
    const groups: DuplicateGroupsView['groups'] = await this.dataSource.query(
      `(SELECT 'email' AS reason, email_key AS key, array_agg(id::text ORDER BY created_at, id) AS "contactIds"
          FROM crm.contacts WHERE email_key IS NOT NULL AND ($1::uuid IS NULL OR account_id = $1)
          GROUP BY email_key HAVING count(*) > 1 ORDER BY email_key LIMIT ${MAX_GROUPS})
       UNION ALL
       (SELECT 'name_at_account', account_id::text || ':' || name_key, array_agg(id::text ORDER BY created_at, id)
          FROM crm.contacts WHERE account_id IS NOT NULL AND name_key IS NOT NULL AND ($1::uuid IS NULL OR account_id = $1)
          GROUP BY account_id, name_key HAVING count(*) > 1 ORDER BY 2 LIMIT ${MAX_GROUPS})`,
      [accountId ?? null],
    );
    return { groups };
  }

  /**
   * Keeps the best-provenance value of each field on the primary contact, moves the duplicates'
   * field history to it, records the merge in that history, and removes the duplicates.
   */
  async merge(dto: MergeContactsDto, actor: string): Promise<ContactView> {
    if (dto.duplicateIds.includes(dto.primaryId))
      throw new DomainError(ErrorCode.ValidationFailed, 'A contact cannot be merged into itself', {
        violations: [{ field: 'duplicateIds', reason: 'duplicateIds must not contain primaryId' }],
      });
    const now = new Date().toISOString();
    const merged = await this.dataSource.transaction(async (manager) => {
      const ids = [dto.primaryId, ...dto.duplicateIds];
      const rows = await this.store.contactsById(manager, ids, true);
      const byId = new Map(rows.map((row) => [row.id, row]));
      const missing = ids.find((id) => !byId.has(id));
      if (missing)
        throw new DomainError(ErrorCode.CrmContactNotFound, `No contact has the id ${missing}`, {
          id: missing,
        });
      return mergeContactRecords(manager, this.store, {
        primary: byId.get(dto.primaryId)!,
        duplicates: dto.duplicateIds.map((id) => byId.get(id)!),
        actor,
        source: 'user',
        now,
        staleAt: (fields) => this.writer.staleAt(fields),
      });
    });
    this.relay.publishSoon();
    return toContactView(merged);
  }
}
