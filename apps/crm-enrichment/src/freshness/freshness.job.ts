import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeasedSchedule, LeaseKeeper, OutboxRelayService } from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import type { CrmEnrichmentEnv } from '../config/crm-enrichment.env';
import {
  AccountRow,
  CrmRecordsStore,
  HistoryEntry,
  OutboxEvent,
  RecordRow,
} from '../records/crm-records.store';
import { RecordWriter } from '../records/record-writer.service';

const refreshed = new Counter({
  name: 'crm_freshness_refreshed_total',
  help: 'Records the freshness job re-enriched, by kind (contact, account)',
  labelNames: ['kind'] as const,
});

/** A record whose providers had nothing new is looked at again after this, not in a tight loop. */
const RETRY_AFTER = '1 hour';
const ACTOR = 'freshness-job';

/**
 * Re-enriches records whose enriched fields passed their staleness limit ("dynamic data"):
 * accounts ask the providers again, contacts re-run the rules and re-link their account. Runs
 * every `CRM_FRESHNESS_INTERVAL_MS` in batches, on the one replica holding the lease
 * `crm-freshness` (so providers are not asked twice); SKIP LOCKED keeps a run safe beside a
 * request or a former holder's last run.
 */
@Injectable()
export class FreshnessJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly schedule: LeasedSchedule;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CrmRecordsStore,
    private readonly writer: RecordWriter,
    private readonly relay: OutboxRelayService,
    keeper: LeaseKeeper,
    config: ConfigService<CrmEnrichmentEnv, true>,
  ) {
    this.intervalMs = config.get('CRM_FRESHNESS_INTERVAL_MS', { infer: true });
    this.batchSize = config.get('CRM_FRESHNESS_BATCH_SIZE', { infer: true });
    this.schedule = new LeasedSchedule(keeper, 'crm-freshness', this.intervalMs, () =>
      this.runOnce(),
    );
  }

  onApplicationBootstrap(): void {
    if (this.intervalMs > 0) this.schedule.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  /** One pass: a batch of stale accounts, then a batch of stale contacts. Answers how many. */
  async runOnce(): Promise<{ accounts: number; contacts: number }> {
    const accounts = await this.refreshAccounts();
    const contacts = await this.refreshContacts();
    if (accounts + contacts > 0) this.relay.publishSoon();
    return { accounts, contacts };
  }

  private async refreshAccounts(): Promise<number> {
    const stale: AccountRow[] = await this.dataSource.query(
      `SELECT id, domain FROM crm.accounts WHERE stale_at <= now() ORDER BY stale_at LIMIT $1`,
      [this.batchSize],
    );
    if (stale.length === 0) return 0;
    const facts = await this.writer.gatherAccountFacts(
      stale.map((row) => row.domain),
      true,
    );
    const now = new Date().toISOString();
    await this.dataSource.transaction(async (manager) => {
      const events: OutboxEvent[] = [];
      const history: HistoryEntry[] = [];
      const locked = await manager.query(
        `SELECT id, domain, fields, version, created_at AS "createdAt", updated_at AS "updatedAt" FROM crm.accounts
         WHERE id = ANY($1::uuid[]) AND stale_at <= now() FOR UPDATE SKIP LOCKED`,
        [stale.map((row) => row.id)],
      );
      for (const account of locked as AccountRow[])
        await this.writer.updateAccountFields(
          manager,
          account,
          facts.get(account.domain) ?? [],
          ACTOR,
          now,
          'refresh',
          events,
          history,
        );
      await this.postpone(manager, 'accounts', locked as AccountRow[]);
      await this.store.insertHistory(manager, history);
      await this.store.enqueueEvents(manager, events);
    });
    refreshed.inc({ kind: 'account' }, stale.length);
    return stale.length;
  }

  private async refreshContacts(): Promise<number> {
    const now = new Date().toISOString();
    return this.dataSource.transaction(async (manager) => {
      const stale: RecordRow[] = await manager.query(
        `SELECT id, fields, version, created_at AS "createdAt", updated_at AS "updatedAt" FROM crm.contacts
         WHERE stale_at <= now() ORDER BY stale_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (stale.length === 0) return 0;
      await this.writer.writeContacts(
        manager,
        stale.map((existing) => ({ existing, proposals: [], reason: 'refresh', touch: true })),
        new Map(),
        ACTOR,
        now,
      );
      await this.postpone(manager, 'contacts', stale);
      refreshed.inc({ kind: 'contact' }, stale.length);
      return stale.length;
    });
  }

  /** Records still stale after a refresh (nothing newer was found) wait before the next try. */
  private async postpone(
    manager: EntityManager,
    table: 'accounts' | 'contacts',
    rows: { id: string }[],
  ): Promise<void> {
    await manager.query(
      `UPDATE crm.${table} SET stale_at = now() + interval '${RETRY_AFTER}'
       WHERE id = ANY($1::uuid[]) AND stale_at <= now()`,
      [rows.map((row) => row.id)],
    );
  }
}
