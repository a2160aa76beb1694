import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ContactHistoryQueryDto,
  ContactUpsertResult,
  ContactView,
  CreateContactDto,
  decodeCursor,
  DomainError,
  emailRefusal,
  encodeCursor,
  EnrichmentPreviewView,
  ErrorCode,
  FieldChangeView,
  ListContactsQueryDto,
  Page,
  UpdateContactCommandDto,
  UpsertContactDto,
  validationFailed,
} from '@sales-suite/contracts';
import { isUniqueViolation, OutboxRelayService } from '@sales-suite/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { accountDomainProposals, ACCOUNT_FIELDS } from '../enrichment/account-rules';
import { CONTACT_FIELDS, ContactInput, inputProposals } from '../enrichment/contact-rules';
import { applyProposals, mergeableProposals, stringOf } from '../provenance/field-provenance';
import { CONTACT_EMAIL_INDEX, CrmRecordsStore, RecordRow } from '../records/crm-records.store';
import { fieldValues, provenanceView, toContactView } from '../records/record-views';
import { ContactCommand, RecordWriter } from '../records/record-writer.service';
import { analyzeEmail, EmailAnalysis } from '../rules/email.rules';

const DEFAULT_PAGE_SIZE = 20;

/** Query-string filters → generated columns of `crm.contacts`. */
const FILTER_COLUMNS = {
  accountId: 'account_id',
  ownerId: 'owner_id',
  country: 'country',
  seniority: 'seniority',
  department: 'department',
} as const;

/** The request's email, checked again here (the pipe did at both edges); null when it has none. */
function validEmail(dto: CreateContactDto): EmailAnalysis | null {
  if (typeof dto.email !== 'string') return null;
  const email = analyzeEmail(dto.email);
  if (!email.valid)
    throw validationFailed([{ field: 'email', reason: emailRefusal('email', email.reason!) }]);
  return email;
}

function emailTaken(existingContactId: string): DomainError {
  return new DomainError(
    ErrorCode.CrmContactEmailTaken,
    `Contact ${existingContactId} already has this email; update it, or send ?upsert=true to merge into it`,
    {
      existingContactId,
      violations: [{ field: 'email', reason: 'another contact already has this email' }],
    },
  );
}

function inputOf(dto: CreateContactDto): ContactInput {
  const { id: _id, ...fields } = dto as CreateContactDto & { id?: string };
  return fields;
}

@Injectable()
export class ContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CrmRecordsStore,
    private readonly writer: RecordWriter,
    private readonly relay: OutboxRelayService,
  ) {}

  /** A new contact; 409 naming the contact that already has its email. */
  async create(dto: CreateContactDto, actor: string): Promise<ContactView> {
    return (await this.createOrMerge(dto, actor, false)).contact;
  }

  /** A new contact, or the request merged into the contact that already has its email. */
  async upsert(dto: UpsertContactDto, actor: string): Promise<ContactUpsertResult> {
    return this.createOrMerge(dto, actor, true);
  }

  async update(dto: UpdateContactCommandDto, actor: string): Promise<ContactView> {
    const email = validEmail(dto);
    const now = new Date().toISOString();
    const current = await this.require(this.dataSource.manager, dto.id);
    const proposals = inputProposals(inputOf(dto), 'user', stringOf(current.fields, 'country'));
    const plan = this.writer.planContact(current.fields, proposals, now);
    const facts = await this.writer.gatherAccountFacts(plan.domain ? [plan.domain] : []);
    const [outcome] = await this.onceMoreOnEmailRace(() =>
      this.dataSource.transaction(async (manager) => {
        if (email) {
          await this.store.lockEmailKeys(manager, [email.dedupeKey!]);
          const holder = await this.store.contactWithEmail(manager, email.normalized, dto.id);
          if (holder) throw emailTaken(holder.id);
        }
        const existing = await this.require(manager, dto.id, true);
        return this.writer.writeContacts(
          manager,
          [{ existing, proposals, reason: 'update' }],
          facts,
          actor,
          now,
        );
      }),
    );
    this.relay.publishSoon();
    return toContactView(outcome.row);
  }

  /** Re-runs every rule and provider on the contact now (values people set stay). */
  async enrich(id: string, actor: string): Promise<ContactView> {
    const now = new Date().toISOString();
    const current = await this.require(this.dataSource.manager, id);
    const plan = this.writer.planContact(current.fields, [], now);
    // An explicit request asks the providers again even when the account's data is not stale.
    const facts = await this.writer.gatherAccountFacts(plan.domain ? [plan.domain] : [], true);
    const [outcome] = await this.dataSource.transaction(async (manager) => {
      const existing = await this.require(manager, id, true);
      return this.writer.writeContacts(
        manager,
        [{ existing, proposals: [], reason: 'enrich', touch: true }],
        facts,
        actor,
        now,
      );
    });
    this.relay.publishSoon();
    return toContactView(outcome.row);
  }

  /** What enrichment makes of a contact, without storing anything. */
  async preview(dto: CreateContactDto): Promise<EnrichmentPreviewView> {
    validEmail(dto);
    const now = new Date().toISOString();
    const plan = this.writer.planContact({}, inputProposals(inputOf(dto), 'user', null), now);
    let account: EnrichmentPreviewView['account'] = null;
    if (plan.domain) {
      const [existing] = await this.store.accountsByDomain(this.dataSource.manager, [plan.domain]);
      const facts = existing ? new Map() : await this.writer.gatherAccountFacts([plan.domain]);
      const fields = existing
        ? existing.fields
        : applyProposals(
            {},
            [...accountDomainProposals(plan.domain), ...(facts.get(plan.domain) ?? [])],
            now,
          ).fields;
      account = {
        id: existing?.id ?? null,
        domain: plan.domain,
        ...(fieldValues(fields, ACCOUNT_FIELDS) as Record<string, string | null>),
      };
      if (existing)
        plan.fields = applyProposals(
          plan.fields,
          [
            {
              field: 'accountId',
              value: existing.id,
              source: 'rule:email-domain',
              confidence: 0.9,
            },
          ],
          now,
        ).fields;
    }
    return {
      contact: fieldValues(plan.fields, CONTACT_FIELDS),
      provenance: provenanceView(plan.fields),
      account,
    };
  }

  async get(id: string): Promise<ContactView> {
    return toContactView(await this.require(this.dataSource.manager, id));
  }

  async remove(id: string): Promise<void> {
    const deleted = await this.store.deleteContacts(this.dataSource.manager, [id]);
    if (deleted === 0) throw this.notFound(id);
  }

  /** Newest first by creation; the cursor is `createdAt|id` of the last contact returned. */
  async list(query: ListContactsQueryDto): Promise<Page<ContactView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [key, column] of Object.entries(FILTER_COLUMNS)) {
      const value = query[key as keyof typeof FILTER_COLUMNS];
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    if (query.email) {
      params.push(query.email.trim().toLowerCase());
      where.push(`lower(email) = $${params.length}`);
    }
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor).split('|');
      if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id))
        throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not one this API gave', {
          violations: [
            { field: 'cursor', reason: 'cursor must be the opaque value of a previous page' },
          ],
        });
      params.push(createdAt, id);
      where.push(
        `(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(limit + 1);
    const rows: RecordRow[] = await this.dataSource.query(
      `SELECT id, fields, custom, version, created_at AS "createdAt", updated_at AS "updatedAt" FROM crm.contacts
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toContactView),
      nextCursor:
        rows.length > limit
          ? encodeCursor(`${new Date(last.createdAt).toISOString()}|${last.id}`)
          : null,
    };
  }

  async history(
    query: ContactHistoryQueryDto,
    entityType: 'contact' | 'account' = 'contact',
  ): Promise<Page<FieldChangeView>> {
    const limit = query.limit ?? 50;
    // The cursor is `<history row id>:<position in its changes>` of the last change returned.
    const [afterRow, afterIndex] = query.cursor
      ? decodeCursor(query.cursor).split(':').map(Number)
      : [0, 0];
    if (!Number.isSafeInteger(afterRow) || !Number.isSafeInteger(afterIndex))
      throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not one this API gave', {
        violations: [
          { field: 'cursor', reason: 'cursor must be the opaque value of a previous page' },
        ],
      });
    const rows: (FieldChangeView & { seq: string; position: string })[] =
      await this.dataSource.query(
        `SELECT h.id AS seq, c.position, c.change->>'field' AS field, c.change->'oldValue' AS "oldValue",
         c.change->'newValue' AS "newValue", c.change->>'source' AS source, (c.change->>'confidence')::float AS confidence,
         h.actor, c.change->>'reason' AS reason, h.changed_at AS "changedAt"
       FROM crm.field_history h CROSS JOIN LATERAL jsonb_array_elements(h.changes) WITH ORDINALITY AS c(change, position)
       WHERE h.entity_type = $1 AND h.entity_id = $2 AND (h.id, c.position) > ($3::bigint, $4::bigint)
       ORDER BY h.id, c.position LIMIT $5`,
        [entityType, query.id, afterRow, afterIndex, limit + 1],
      );
    if (rows.length === 0 && !query.cursor) {
      const table = entityType === 'contact' ? 'crm.contacts' : 'crm.accounts';
      const exists: unknown[] = await this.dataSource.query(
        `SELECT 1 FROM ${table} WHERE id = $1`,
        [query.id],
      );
      if (exists.length === 0)
        throw entityType === 'contact'
          ? this.notFound(query.id)
          : new DomainError(ErrorCode.CrmAccountNotFound, `No account has the id ${query.id}`, {
              id: query.id,
            });
    }
    const items = rows.slice(0, limit);
    return {
      items: items.map(({ seq: _seq, ...change }) => ({
        ...change,
        changedAt: new Date(change.changedAt).toISOString(),
      })),
      nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].seq) : null,
    };
  }

  /**
   * The email is checked under its lock (`lockEmailKeys`), so concurrent requests for one email
   * answer one 201 and 409s (or merges). A writer that takes no lock (a replica of an older
   * version) can still win between the check and the insert: the unique index refuses ours, and
   * the request is made once more, finding that contact.
   */
  private async createOrMerge(
    dto: CreateContactDto,
    actor: string,
    upsert: boolean,
  ): Promise<ContactUpsertResult> {
    const email = validEmail(dto);
    const now = new Date().toISOString();
    const input = inputOf(dto);
    const proposals = inputProposals(input, 'user', null);
    const plan = this.writer.planContact({}, proposals, now);
    const facts = await this.writer.gatherAccountFacts(plan.domain ? [plan.domain] : []);
    const result = await this.onceMoreOnEmailRace(() =>
      this.dataSource.transaction(async (manager) => {
        let existing: RecordRow | undefined;
        if (email) {
          await this.store.lockEmailKeys(manager, [email.dedupeKey!]);
          existing = await this.store.contactWithEmail(manager, email.normalized);
        }
        if (existing && !upsert) throw emailTaken(existing.id);
        const command: ContactCommand = existing
          ? {
              existing,
              proposals: mergeableProposals(
                existing.fields,
                inputProposals(input, 'user', stringOf(existing.fields, 'country')),
              ),
              reason: 'update',
            }
          : { existing: null, proposals, reason: 'create' };
        const [outcome] = await this.writer.writeContacts(manager, [command], facts, actor, now);
        return { contact: toContactView(outcome.row), created: !existing };
      }),
    );
    this.relay.publishSoon();
    return result;
  }

  private async onceMoreOnEmailRace<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!isUniqueViolation(error, CONTACT_EMAIL_INDEX)) throw error;
      try {
        return await write();
      } catch (again) {
        if (!isUniqueViolation(again, CONTACT_EMAIL_INDEX)) throw again;
        throw new DomainError(
          ErrorCode.Conflict,
          'Another request wrote a contact with this email at the same time; retry',
        );
      }
    }
  }

  async require(manager: EntityManager, id: string, lock = false): Promise<RecordRow> {
    const [row] = await this.store.contactsById(manager, [id], lock);
    if (!row) throw this.notFound(id);
    return row;
  }

  private notFound(id: string): DomainError {
    return new DomainError(ErrorCode.CrmContactNotFound, `No contact has the id ${id}`, { id });
  }
}
