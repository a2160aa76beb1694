import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, ErrorCode } from '@sales-suite/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { CrmEnrichmentEnv } from '../config/crm-enrichment.env';
import { accountDomainProposals } from '../enrichment/account-rules';
import { applyContactRules, emailKeyOf, workEmailDomain } from '../enrichment/contact-rules';
import { mergeChanges, staleAt } from '../enrichment/staleness';
import {
  applyProposals,
  FieldChange,
  FieldMap,
  Proposal,
  stringOf,
} from '../provenance/field-provenance';
import { ProvidersService } from '../providers/providers.service';
import { accountEvent, contactEvents } from './crm-events';
import {
  AccountRow,
  ContactWrite,
  CrmRecordsStore,
  HistoryEntry,
  OutboxEvent,
  RecordRow,
} from './crm-records.store';

export type WriteReason = HistoryEntry['reason'];

/** One contact to write: its current row (null = new) and what the caller proposes. */
export interface ContactCommand {
  existing: RecordRow | null;
  proposals: Proposal[];
  /** History reason for the proposals' own changes; rule and provider changes are `enrich`. */
  reason: WriteReason;
  /** Store refreshed observation times even when no value changed (the freshness job). */
  touch?: boolean;
  /** The company a file gives: links its account (domain first, then name) and proposes its fields. */
  company?: { domain: string | null; name: string | null; proposals: Proposal[] };
}

export interface ContactOutcome {
  row: RecordRow;
  result: 'created' | 'updated' | 'unchanged';
  changes: FieldChange[];
}

/** Provider proposals per domain, gathered before the transaction (network calls never hold locks). */
export type AccountFacts = Map<string, Proposal[]>;

/** Accounts changed in memory and not yet stored: id → whether any value changed. */
type AccountEdits = Map<string, boolean>;

/** What a planned contact looks like before it is stored (also the enrichment preview). */
export interface ContactPlan {
  fields: FieldMap;
  changes: FieldChange[];
  domain: string | null;
}

/**
 * The one path by which contacts change: proposals → offline rules → account linked (created
 * from a work-email domain, enriched by providers) → stored with field history and events, all
 * in the caller's transaction. The API writes one contact through it, an import hundreds.
 */
@Injectable()
export class RecordWriter {
  private readonly stalenessScale: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CrmRecordsStore,
    private readonly providers: ProvidersService,
    config: ConfigService<CrmEnrichmentEnv, true>,
  ) {
    this.stalenessScale = config.get('CRM_STALENESS_SCALE', { infer: true });
  }

  staleAt(fields: FieldMap): string | null {
    return staleAt(fields, this.stalenessScale);
  }

  planContact(existing: FieldMap, proposals: Proposal[], now: string): ContactPlan {
    const given = applyProposals(existing, proposals, now);
    const ruled = applyContactRules(given.fields, now);
    return {
      fields: ruled.fields,
      changes: mergeChanges(given.changes, ruled.changes),
      domain: workEmailDomain(ruled.fields),
    };
  }

  /** Provider facts for the domains that have no account yet or a stale one (`force`: all). */
  async gatherAccountFacts(domains: Iterable<string>, force = false): Promise<AccountFacts> {
    const wanted = [...new Set(domains)];
    const facts: AccountFacts = new Map();
    if (wanted.length === 0 || this.providers.providers.length === 0) return facts;
    const known: { domain: string }[] = await this.dataSource.query(
      `SELECT domain FROM crm.accounts WHERE domain = ANY($1::text[]) AND (stale_at IS NULL OR stale_at > now())`,
      [wanted],
    );
    const fresh = new Set(force ? [] : known.map((row) => row.domain));
    await Promise.all(
      wanted
        .filter((domain) => !fresh.has(domain))
        .map(async (domain) => facts.set(domain, await this.providers.companyProposals(domain))),
    );
    return facts;
  }

  /**
   * Finds or creates the account of each domain; applies provider facts to existing ones in memory
   * (marked in `edited`, stored by the caller); records history and events.
   */
  private async resolveAccounts(
    manager: EntityManager,
    domains: Iterable<string>,
    facts: AccountFacts,
    actor: string,
    now: string,
    events: OutboxEvent[],
    history: HistoryEntry[],
    edited: AccountEdits,
  ): Promise<Map<string, AccountRow>> {
    const wanted = [...new Set(domains)];
    const byDomain = new Map<string, AccountRow>();
    if (wanted.length === 0) return byDomain;
    for (const row of await this.store.accountsByDomain(manager, wanted))
      byDomain.set(row.domain, row);
    const missing = wanted.filter((domain) => !byDomain.has(domain));
    const planned = new Map(
      missing.map((domain) => [
        domain,
        applyProposals({}, [...accountDomainProposals(domain), ...(facts.get(domain) ?? [])], now),
      ]),
    );
    if (missing.length > 0) {
      const created = await this.store.insertAccounts(
        manager,
        missing.map((domain) => {
          const fields = planned.get(domain)!.fields;
          return { domain, fields, staleAt: this.staleAt(fields) };
        }),
      );
      for (const row of created) {
        byDomain.set(row.domain, row);
        const changes = planned.get(row.domain)!.changes;
        history.push(...this.historyOf('account', row.id, changes, actor, 'create'));
        events.push(...accountEvent(row, changes, now));
      }
      // Created by a concurrent writer between our read and insert: use theirs.
      const raced = missing.filter((domain) => !byDomain.has(domain));
      for (const row of await this.store.accountsByDomain(manager, raced))
        byDomain.set(row.domain, row);
    }
    for (const domain of wanted) {
      const proposals = facts.get(domain);
      const account = byDomain.get(domain)!;
      if (!proposals || planned.has(domain)) continue;
      byDomain.set(
        domain,
        this.editAccount(account, proposals, actor, now, 'enrich', events, history, edited),
      );
    }
    return byDomain;
  }

  async updateAccountFields(
    manager: EntityManager,
    account: AccountRow,
    proposals: Proposal[],
    actor: string,
    now: string,
    reason: WriteReason,
    events: OutboxEvent[],
    history: HistoryEntry[],
  ): Promise<AccountRow> {
    const edited: AccountEdits = new Map();
    const row = this.editAccount(account, proposals, actor, now, reason, events, history, edited);
    const [stored] = await this.storeAccounts(manager, [row], edited);
    return stored;
  }

  /** Applies proposals to an account in memory, with their history and events; `edited` notes it. */
  private editAccount(
    account: AccountRow,
    proposals: Proposal[],
    actor: string,
    now: string,
    reason: WriteReason,
    events: OutboxEvent[],
    history: HistoryEntry[],
    edited: AccountEdits,
  ): AccountRow {
    const applied = applyProposals(account.fields, proposals, now);
    const row = { ...account, fields: applied.fields };
    history.push(...this.historyOf('account', row.id, applied.changes, actor, reason));
    events.push(...accountEvent(row, applied.changes, now));
    edited.set(row.id, edited.get(row.id) === true || applied.changes.length > 0);
    return row;
  }

  /** Writes the edited accounts in one statement (the version moves once per write that changed values). */
  private async storeAccounts(
    manager: EntityManager,
    accounts: AccountRow[],
    edited: AccountEdits,
  ): Promise<AccountRow[]> {
    const written = accounts.filter((account) => edited.has(account.id));
    if (written.length === 0) return [];
    return this.store.updateAccounts(
      manager,
      written.map((account) => ({
        id: account.id,
        fields: account.fields,
        staleAt: this.staleAt(account.fields),
        bumpVersion: edited.get(account.id)!,
      })),
    );
  }

  async writeContacts(
    manager: EntityManager,
    commands: ContactCommand[],
    facts: AccountFacts,
    actor: string,
    now: string,
  ): Promise<ContactOutcome[]> {
    const plans = commands.map((command) =>
      this.planContact(command.existing?.fields ?? {}, command.proposals, now),
    );
    const byName = await this.store.accountDomainsByName(
      manager,
      commands.flatMap(({ company }) =>
        company && !company.domain && company.name ? [company.name] : [],
      ),
    );
    // The account a file names outranks the one of the email's domain.
    const given = commands.map(
      ({ company }) =>
        company?.domain ?? (company?.name ? byName.get(company.name.toLowerCase()) : undefined),
    );
    given.forEach((domain, index) => {
      if (domain) plans[index].domain = domain;
    });
    const events: OutboxEvent[] = [];
    const history: HistoryEntry[] = [];
    // A batch names the same company on many rows: each row's proposals apply in order in
    // memory, and every edited account is written once.
    const edited: AccountEdits = new Map();
    const accounts = await this.resolveAccounts(
      manager,
      plans.flatMap((plan) => (plan.domain ? [plan.domain] : [])),
      facts,
      actor,
      now,
      events,
      history,
      edited,
    );
    for (const [index, command] of commands.entries()) {
      const plan = plans[index];
      let account = plan.domain ? accounts.get(plan.domain) : undefined;
      if (!account) continue;
      if (command.company?.proposals.length) {
        account = this.editAccount(
          account,
          command.company.proposals,
          actor,
          now,
          command.reason,
          events,
          history,
          edited,
        );
        accounts.set(account.domain, account);
      }
      const linked = applyProposals(
        plan.fields,
        [
          given[index]
            ? { field: 'accountId', value: account.id, source: 'import', confidence: 0.9 }
            : {
                field: 'accountId',
                value: account.id,
                source: 'rule:email-domain',
                confidence: 0.9,
              },
        ],
        now,
      );
      plan.fields = linked.fields;
      plan.changes = mergeChanges(plan.changes, linked.changes);
    }
    for (const row of await this.storeAccounts(manager, [...accounts.values()], edited))
      accounts.set(row.domain, row);
    const accountsById = await this.accountsFor(manager, plans, accounts);

    const inserts: { index: number; write: ContactWrite }[] = [];
    const updates: { index: number; write: ContactWrite }[] = [];
    const touches: ContactWrite[] = [];
    const outcomes: (ContactOutcome | undefined)[] = [];
    commands.forEach((command, index) => {
      const plan = plans[index];
      const write: ContactWrite = {
        id: command.existing?.id,
        fields: plan.fields,
        emailKey: emailKeyOf(plan.fields),
        staleAt: this.staleAt(plan.fields),
      };
      if (!command.existing) inserts.push({ index, write });
      else if (plan.changes.length > 0) updates.push({ index, write });
      else {
        if (command.touch) touches.push(write);
        outcomes[index] = { row: command.existing, result: 'unchanged', changes: [] };
      }
    });
    for (const write of touches) await this.store.touchContact(manager, write);
    if (inserts.length > 0) {
      const rows = await this.store.insertContacts(
        manager,
        inserts.map((insert) => insert.write),
      );
      rows.forEach(
        (row, i) =>
          (outcomes[inserts[i].index] = {
            row,
            result: 'created',
            changes: plans[inserts[i].index].changes,
          }),
      );
    }
    if (updates.length > 0) {
      const rows = await this.store.updateContacts(
        manager,
        updates.map((update) => update.write),
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const update of updates)
        outcomes[update.index] = {
          row: byId.get(update.write.id!)!,
          result: 'updated',
          changes: plans[update.index].changes,
        };
    }
    outcomes.forEach((outcome, index) => {
      if (!outcome || outcome.result === 'unchanged') return;
      history.push(
        ...this.historyOf(
          'contact',
          outcome.row.id,
          outcome.changes,
          actor,
          commands[index].reason,
        ),
      );
      const accountId = stringOf(outcome.row.fields, 'accountId');
      events.push(
        ...contactEvents(
          outcome.row,
          outcome.changes,
          accountId ? (accountsById.get(accountId) ?? null) : null,
          now,
        ),
      );
    });
    await this.store.insertHistory(manager, history);
    await this.store.enqueueEvents(manager, events);
    return outcomes as ContactOutcome[];
  }

  /** Accounts of every planned contact (linked by domain or given by id); unknown ids are refused. */
  private async accountsFor(
    manager: EntityManager,
    plans: ContactPlan[],
    byDomain: Map<string, AccountRow>,
  ): Promise<Map<string, AccountRow>> {
    const byId = new Map([...byDomain.values()].map((row) => [row.id, row]));
    const wanted = [
      ...new Set(
        plans
          .map((plan) => stringOf(plan.fields, 'accountId'))
          .filter((id): id is string => !!id && !byId.has(id)),
      ),
    ];
    if (wanted.length === 0) return byId;
    for (const row of await this.store.accountsById(manager, wanted)) byId.set(row.id, row);
    const unknown = wanted.filter((id) => !byId.has(id));
    if (unknown.length > 0)
      throw new DomainError(ErrorCode.CrmAccountNotFound, `No account has the id ${unknown[0]}`, {
        accountId: unknown[0],
      });
    return byId;
  }

  historyOf(
    entityType: HistoryEntry['entityType'],
    entityId: string,
    changes: FieldChange[],
    actor: string,
    reason: WriteReason,
  ): HistoryEntry[] {
    return changes.map((change) => ({
      entityType,
      entityId,
      field: change.field,
      oldValue: change.oldValue,
      newValue: change.newValue,
      source: change.source,
      confidence: change.confidence,
      actor,
      // What rules and providers add along a person's edit or an import is enrichment; a merge
      // or a freshness refresh keeps its own reason.
      reason:
        (change.source.startsWith('rule:') || change.source.startsWith('provider:')) &&
        reason !== 'merge' &&
        reason !== 'refresh'
          ? 'enrich'
          : reason,
    }));
  }
}
