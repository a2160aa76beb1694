import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccountView,
  CreateAccountDto,
  decodeCursor,
  DomainError,
  encodeCursor,
  ErrorCode,
  ListAccountsQueryDto,
  Page,
  UpdateAccountCommandDto,
} from '@sales-suite/contracts';
import { OutboxRelayService } from '@sales-suite/persistence';
import { DataSource, EntityManager } from 'typeorm';
import {
  accountDomainProposals,
  accountInputProposals,
  AccountInput,
} from '../enrichment/account-rules';
import { applyProposals } from '../provenance/field-provenance';
import {
  AccountRow,
  CrmRecordsStore,
  HistoryEntry,
  OutboxEvent,
} from '../records/crm-records.store';
import { accountEvent } from '../records/crm-events';
import { toAccountView } from '../records/record-views';
import { RecordWriter } from '../records/record-writer.service';
import { registrableDomainOf } from '../rules/email.rules';

const DEFAULT_PAGE_SIZE = 20;

function inputOf(dto: CreateAccountDto | UpdateAccountCommandDto): AccountInput {
  const { name, industry, employeeRange, country, website } = dto;
  return { name, industry, employeeRange, country, website };
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CrmRecordsStore,
    private readonly writer: RecordWriter,
    private readonly relay: OutboxRelayService,
  ) {}

  async create(dto: CreateAccountDto, actor: string): Promise<AccountView> {
    const domain = registrableDomainOf(dto.domain);
    if (!domain)
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `Invalid input: domain: "${dto.domain}" has no registrable domain`,
        {
          violations: [
            {
              field: 'domain',
              reason: 'domain must be a domain or URL under a public suffix, such as acme.com',
            },
          ],
        },
      );
    const now = new Date().toISOString();
    const facts = await this.writer.gatherAccountFacts([domain], true);
    const given = accountInputProposals(inputOf(dto), 'user');
    const applied = applyProposals(
      {},
      [...accountDomainProposals(domain), ...(facts.get(domain) ?? []), ...given],
      now,
    );
    const created = await this.dataSource.transaction(async (manager) => {
      const [row] = await this.store.insertAccounts(manager, [
        { domain, fields: applied.fields, staleAt: this.writer.staleAt(applied.fields) },
      ]);
      if (!row)
        throw new DomainError(
          ErrorCode.CrmAccountDomainTaken,
          `An account with the domain ${domain} already exists`,
          { domain },
        );
      await this.store.insertHistory(
        manager,
        this.writer.historyOf('account', row.id, applied.changes, actor, 'create'),
      );
      await this.store.enqueueEvents(manager, accountEvent(row, applied.changes, now));
      return row;
    });
    this.relay.publishSoon();
    return toAccountView(created);
  }

  async update(dto: UpdateAccountCommandDto, actor: string): Promise<AccountView> {
    const now = new Date().toISOString();
    const updated = await this.dataSource.transaction(async (manager) => {
      const account = await this.require(manager, dto.id, true);
      const events: OutboxEvent[] = [];
      const history: HistoryEntry[] = [];
      const row = await this.writer.updateAccountFields(
        manager,
        account,
        accountInputProposals(inputOf(dto), 'user'),
        actor,
        now,
        'update',
        events,
        history,
      );
      await this.store.insertHistory(manager, history);
      await this.store.enqueueEvents(manager, events);
      return row;
    });
    this.relay.publishSoon();
    return toAccountView(updated);
  }

  async get(id: string): Promise<AccountView> {
    return toAccountView(await this.require(this.dataSource.manager, id));
  }

  /** Domain order; the cursor is the last domain returned. */
  async list(query: ListAccountsQueryDto): Promise<Page<AccountView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.domain)
      add('domain = ?', registrableDomainOf(query.domain) ?? query.domain.toLowerCase());
    if (query.country) add('country = ?', query.country);
    if (query.industry) add('industry = ?', query.industry);
    if (query.cursor) add('domain > ?', decodeCursor(query.cursor));
    params.push(limit + 1);
    const rows: AccountRow[] = await this.dataSource.query(
      `SELECT id, domain, fields, version, created_at AS "createdAt", updated_at AS "updatedAt" FROM crm.accounts
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY domain LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    return {
      items: items.map(toAccountView),
      nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].domain) : null,
    };
  }

  async require(manager: EntityManager, id: string, lock = false): Promise<AccountRow> {
    const [row] = await this.store.accountsById(manager, [id], lock);
    if (!row)
      throw new DomainError(ErrorCode.CrmAccountNotFound, `No account has the id ${id}`, { id });
    return row;
  }
}
