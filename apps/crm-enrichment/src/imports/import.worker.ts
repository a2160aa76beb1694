import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { CrmContactLeadRequested, CrmEvents } from '@sales-suite/contracts';
import {
  isTransientDatabaseError,
  isUniqueViolation,
  LeasedJobRunner,
  LeaseKeeper,
  OutboxRelayService,
} from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import type { CrmEnrichmentEnv } from '../config/crm-enrichment.env';
import { accountInputProposals } from '../enrichment/account-rules';
import { ContactInput, inputProposals } from '../enrichment/contact-rules';
import { stringOf } from '../provenance/field-provenance';
import { analyzeEmail } from '../rules/email.rules';
import { splitFullName } from '../rules/name.rules';
import { CONTACT_EMAIL_INDEX, CrmRecordsStore } from '../records/crm-records.store';
import { ContactCommand, ContactOutcome, RecordWriter } from '../records/record-writer.service';
import { rowToInput } from './csv-columns';
import { companyOfRow } from './rules/company-columns';
import { errorColumn, RowRejection } from './rules/error-report';
import {
  configuredStageMapping,
  createDateOf,
  stageOf,
  StageMapping,
} from '../rules/lead-stage.rules';
import type { StoredColumns } from './imports.service';

const importedRows = new Counter({
  name: 'crm_import_rows_total',
  help: 'Imported CSV rows by outcome (created, updated, unchanged, failed)',
  labelNames: ['outcome'] as const,
});

const MAX_STORED_ERRORS = 1000;

interface ClaimedImport {
  id: string;
  actor: string;
  file_name: string;
  columns: StoredColumns;
}

interface RowToWrite {
  row: number;
  input: ContactInput;
  key: string;
  email: string;
  custom: Record<string, string>;
  company: ContactCommand['company'];
  /** The lead asked of the funnel (createLeads imports only). */
  lead: Pick<CrmContactLeadRequested, 'stage' | 'occurredAt'> | null;
}

interface StagedRow {
  row_number: number;
  cells: string[];
  rejection: { field: string; reason: string } | null;
}

interface RowError {
  row: number;
  field: string | null;
  reason: string;
}

/**
 * Processes queued imports in the background, batch by batch: each batch is one transaction that
 * writes the contacts, their history and events, advances the import's progress and removes the
 * staged rows, so a crash resumes exactly where the last batch ended. Rows are matched to
 * existing contacts by normalised email; re-importing a file changes nothing.
 *
 * Each import runs on one replica at a time, under the lease `import:<id>`: every batch
 * transaction first checks that this replica still holds it (fencing), so a replica that lost
 * it writes nothing more, and the replica that takes over reads the staged rows only after the
 * last fenced batch committed — counts stay exact. A dead owner's import is taken over within
 * 15 s; a restarted owner (same REPLICA_ID) resumes it at once.
 */
@Injectable()
export class ImportWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportWorker.name);
  private readonly batchSize: number;
  private readonly runner: LeasedJobRunner;
  private readonly stages: StageMapping;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CrmRecordsStore,
    private readonly writer: RecordWriter,
    private readonly relay: OutboxRelayService,
    private readonly keeper: LeaseKeeper,
    config: ConfigService<CrmEnrichmentEnv, true>,
  ) {
    this.batchSize = config.get('CRM_IMPORT_BATCH_SIZE', { infer: true });
    this.stages = configuredStageMapping(config.get('CRM_IMPORT_STAGE_MAPPING', { infer: true }));
    // One import at a time per replica: several imports spread over the replicas.
    this.runner = new LeasedJobRunner(
      keeper,
      {
        prefix: 'import:',
        concurrency: 1,
        unfinished: () => this.unfinished(),
        run: (id, lease) => this.run(id, lease),
      },
      ImportWorker.name,
    );
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  wake(): void {
    this.runner.wake();
  }

  private async unfinished(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM crm.imports WHERE status IN ('queued', 'running') ORDER BY created_at`,
    );
    return rows.map((row) => row.id);
  }

  private async run(id: string, lease: string): Promise<void> {
    try {
      const job = await this.keeper.leases.fenced(lease, (manager) => this.claim(manager, id));
      if (job) await this.process(job, lease);
    } catch (error) {
      // PostgreSQL away, the lease lost, or a writer that takes no email lock (a replica of an
      // older version) created one of the batch's contacts first: the import stays running and
      // the batch is redone, matching that contact.
      if (
        isTransientDatabaseError(error) ||
        isUniqueViolation(error, CONTACT_EMAIL_INDEX) ||
        !this.keeper.has(lease)
      )
        throw error;
      this.logger.error(`Import ${id} failed: ${(error as Error).message}`);
      await this.fail(id, lease, (error as Error).message);
    }
  }

  private async claim(manager: EntityManager, id: string): Promise<ClaimedImport | undefined> {
    const [rows]: [ClaimedImport[], number] = await manager.query(
      `UPDATE crm.imports SET status = 'running', started_at = coalesce(started_at, now()), heartbeat_at = now()
       WHERE id = $1 AND status IN ('queued', 'running')
       RETURNING id, actor, file_name, columns`,
      [id],
    );
    return rows[0];
  }

  private async process(job: ClaimedImport, lease: string): Promise<void> {
    for (;;) {
      if (this.runner.stopping) return; // the import stays running: another replica resumes it
      const staged: StagedRow[] = await this.dataSource.query(
        `SELECT row_number, cells, rejection FROM crm.import_rows WHERE import_id = $1 ORDER BY row_number LIMIT $2`,
        [job.id, this.batchSize],
      );
      if (staged.length === 0) break;
      if (!(await this.processBatch(job, lease, staged))) return; // lease lost: its new holder goes on
      this.relay.publishSoon();
    }
    await this.keeper.leases.fenced(lease, (manager) =>
      manager.query(
        `UPDATE crm.imports SET status = 'completed', finished_at = now() WHERE id = $1 AND status = 'running'`,
        [job.id],
      ),
    );
  }

  /** Writes one batch, unless this replica no longer holds the import's lease (then false). */
  private async processBatch(
    job: ClaimedImport,
    lease: string,
    staged: StagedRow[],
  ): Promise<boolean> {
    const errors: RowError[] = [];
    const inputs: RowToWrite[] = [];
    const now = new Date().toISOString();
    for (const { row_number: row, cells, rejection } of staged) {
      if (rejection) {
        errors.push({ row, ...rejection });
        continue;
      }
      const parsed = rowToInput(cells, job.columns.columns, job.columns.headers);
      if (parsed.error) {
        errors.push({ row, ...parsed.error });
        continue;
      }
      const { fullName, ...fields } = parsed.values.input;
      const input: ContactInput = { ...fields, ...parsed.values.phones };
      if (typeof fullName === 'string' && !input.firstName && !input.lastName) {
        const name = splitFullName(fullName);
        input.firstName = name.firstName;
        input.lastName = name.lastName;
      }
      const email = analyzeEmail(input.email as string); // valid: rowToInput refuses others
      const company = companyOfRow(parsed.values.company);
      const workDomain = !email.freeMail && !email.disposable;
      inputs.push({
        row,
        input,
        key: email.dedupeKey!,
        email: email.normalized,
        // Company columns of a row that may link no account (no website, a personal email) stay on the contact.
        custom:
          company.domain || workDomain
            ? parsed.values.custom
            : { ...parsed.values.custom, ...parsed.values.companyCells },
        company:
          company.values.length > 0
            ? {
                domain: company.domain,
                name: company.name,
                proposals: accountInputProposals(
                  Object.fromEntries(company.values.map(({ field, value }) => [field, value])),
                  'import',
                ),
              }
            : undefined,
        lead: job.columns.createLeads
          ? {
              stage: stageOf(parsed.values.lifecycleStage, this.stages),
              occurredAt: createDateOf(parsed.values.createDate, Date.parse(now)) ?? now,
            }
          : null,
      });
    }
    // A file may hold the same person twice: later rows update what earlier rows created.
    // The n-th row of one person goes to round n (keys counted, not searched: a batch is thousands).
    const rounds: (typeof inputs)[] = [];
    const seen = new Map<string, number>();
    for (const item of inputs) {
      const index = seen.get(item.key) ?? 0;
      seen.set(item.key, index + 1);
      (rounds[index] ??= []).push(item);
    }
    const domains = inputs.flatMap(({ input, company }) => {
      if (company?.domain) return [company.domain];
      const email = analyzeEmail(input.email as string);
      return email.valid && !email.freeMail && !email.disposable ? [email.registrableDomain!] : [];
    });
    const facts = await this.writer.gatherAccountFacts(domains);
    const counts = await this.keeper.leases.fenced(lease, async (manager) => {
      // A batch lost in a crash is redone from its staged rows (matched by email): no need to
      // wait for the WAL flush at each commit.
      await manager.query(`SET LOCAL synchronous_commit = off`);
      await this.store.lockEmailKeys(
        manager,
        inputs.map((item) => item.key),
      );
      const counts = { created: 0, updated: 0, unchanged: 0, failed: errors.length };
      for (const round of rounds) {
        const outcomes = await this.writeRound(manager, job.actor, round, facts, now);
        for (const outcome of outcomes) counts[outcome.result]++;
        await this.store.mergeCustomFields(
          manager,
          outcomes.map((outcome, index) => ({ id: outcome.row.id, values: round[index].custom })),
          `import:${job.file_name}`,
          now,
        );
        await this.store.enqueueEvents(
          manager,
          outcomes.flatMap((outcome, index) => {
            const lead = round[index].lead;
            if (!lead) return [];
            const payload: CrmContactLeadRequested = {
              contactId: outcome.row.id,
              ...lead,
              importId: job.id,
            };
            return [{ subject: CrmEvents.ContactLeadRequested, payload }];
          }),
        );
      }
      // heartbeat_at: replicas of versions before leases take over an import only when it lapses.
      await manager.query(
        `UPDATE crm.imports SET processed = processed + $2, created = created + $3, updated = updated + $4,
           unchanged = unchanged + $5, failed = failed + $6, heartbeat_at = now(),
           errors = CASE WHEN jsonb_array_length(errors) >= ${MAX_STORED_ERRORS} THEN errors
                         ELSE errors || (SELECT coalesce(jsonb_agg(e), '[]') FROM (SELECT e FROM jsonb_array_elements($7::jsonb) e
                              LIMIT ${MAX_STORED_ERRORS} - jsonb_array_length(errors)) t) END
         WHERE id = $1`,
        [
          job.id,
          staged.length,
          counts.created,
          counts.updated,
          counts.unchanged,
          errors.length,
          JSON.stringify(errors),
        ],
      );
      if (errors.length > 0) await this.storeRejections(manager, job, errors);
      await manager.query(`DELETE FROM crm.import_rows WHERE import_id = $1 AND row_number <= $2`, [
        job.id,
        staged[staged.length - 1].row_number,
      ]);
      return counts;
    });
    if (!counts) return false;
    for (const [outcome, count] of Object.entries(counts)) importedRows.inc({ outcome }, count);
    return true;
  }

  /** Every rejected row, uncapped, for the downloadable error report (redone batches add nothing). */
  private async storeRejections(
    manager: EntityManager,
    job: ClaimedImport,
    errors: RowError[],
  ): Promise<void> {
    const rejections: RowRejection[] = errors.map((error) => ({
      ...error,
      column: errorColumn(error.field, job.columns.columns, job.columns.headers ?? []),
    }));
    await manager.query(
      `INSERT INTO crm.import_errors (import_id, row_number, column_header, field, reason)
       SELECT $1, e."row", e."column", e.field, e.reason
       FROM jsonb_to_recordset($2::jsonb) AS e("row" int, "column" text, field text, reason text)
       ON CONFLICT DO NOTHING`,
      [job.id, JSON.stringify(rejections)],
    );
  }

  private async writeRound(
    manager: EntityManager,
    actor: string,
    round: RowToWrite[],
    facts: Awaited<ReturnType<RecordWriter['gatherAccountFacts']>>,
    now: string,
  ): Promise<ContactOutcome[]> {
    const matches = await this.store.contactsForEmails(manager, round);
    const commands: ContactCommand[] = round.map(({ input }, index) => {
      const current = matches[index];
      return {
        existing: current,
        proposals: inputProposals(
          input,
          'import',
          current ? stringOf(current.fields, 'country') : null,
        ),
        reason: 'import',
        company: round[index].company,
      };
    });
    return this.writer.writeContacts(manager, commands, facts, actor, now);
  }

  private async fail(id: string, lease: string, reason: string): Promise<void> {
    await this.keeper.leases.fenced(lease, (manager) =>
      manager.query(
        `UPDATE crm.imports SET status = 'failed', finished_at = now(),
           errors = errors || jsonb_build_array(jsonb_build_object('row', 0, 'field', null, 'reason', $2::text))
         WHERE id = $1`,
        [id, reason],
      ),
    );
  }
}
