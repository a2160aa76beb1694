import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxRelayService } from '@sales-suite/persistence';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import type { CrmEnrichmentEnv } from '../config/crm-enrichment.env';
import { ContactInput, inputProposals } from '../enrichment/contact-rules';
import { stringOf } from '../provenance/field-provenance';
import { analyzeEmail } from '../rules/email.rules';
import { splitFullName } from '../rules/name.rules';
import { CrmRecordsStore } from '../records/crm-records.store';
import { ContactCommand, RecordWriter } from '../records/record-writer.service';
import { ImportField, rowToInput } from './csv-columns';

const importedRows = new Counter({
  name: 'crm_import_rows_total',
  help: 'Imported CSV rows by outcome (created, updated, unchanged, failed)',
  labelNames: ['outcome'] as const,
});

const MAX_STORED_ERRORS = 1000;
const IDLE_POLL_MS = 1000;
/** A running import whose worker has not reported for this long is taken over (crashed replica). */
const ABANDONED_AFTER = '2 minutes';

interface ClaimedImport {
  id: string;
  actor: string;
  columns: { columns: (ImportField | null)[] };
}

interface StagedRow {
  row_number: number;
  cells: string[];
}

interface RowError {
  row: number;
  field: string | null;
  reason: string;
}

function keyOf(email: string): string {
  return analyzeEmail(email).dedupeKey ?? email.trim().toLowerCase();
}

/**
 * Processes queued imports in the background, batch by batch: each batch is one transaction that
 * writes the contacts, their history and events, advances the import's progress and removes the
 * staged rows, so a crash resumes exactly where the last batch ended. Rows are matched to
 * existing contacts by normalised email; re-importing a file changes nothing.
 */
@Injectable()
export class ImportWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportWorker.name);
  private readonly batchSize: number;
  private stopped = false;
  private wakeUp?: () => void;
  private loop?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CrmRecordsStore,
    private readonly writer: RecordWriter,
    private readonly relay: OutboxRelayService,
    config: ConfigService<CrmEnrichmentEnv, true>,
  ) {
    this.batchSize = config.get('CRM_IMPORT_BATCH_SIZE', { infer: true });
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.loop;
  }

  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let job: ClaimedImport | undefined;
      try {
        job = await this.claim();
        if (job) await this.process(job);
      } catch (error) {
        this.logger.error(`Import ${job?.id ?? '?'} failed: ${(error as Error).message}`);
        if (job) await this.fail(job.id, (error as Error).message).catch(() => undefined);
      }
      if (!job)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, IDLE_POLL_MS);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
    }
  }

  private async claim(): Promise<ClaimedImport | undefined> {
    const [rows]: [ClaimedImport[], number] = await this.dataSource.query(
      `UPDATE crm.imports SET status = 'running', started_at = coalesce(started_at, now()), heartbeat_at = now()
       WHERE id = (SELECT id FROM crm.imports
                   WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < now() - interval '${ABANDONED_AFTER}')
                   ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, actor, columns`,
    );
    return rows[0];
  }

  private async process(job: ClaimedImport): Promise<void> {
    for (;;) {
      if (this.stopped) return; // another replica (or this one, restarted) takes over after the heartbeat lapses
      const staged: StagedRow[] = await this.dataSource.query(
        `SELECT row_number, cells FROM crm.import_rows WHERE import_id = $1 ORDER BY row_number LIMIT $2`,
        [job.id, this.batchSize],
      );
      if (staged.length === 0) break;
      await this.processBatch(job, staged);
      this.relay.publishSoon();
    }
    await this.dataSource.query(
      `UPDATE crm.imports SET status = 'completed', finished_at = now() WHERE id = $1 AND status = 'running'`,
      [job.id],
    );
  }

  private async processBatch(job: ClaimedImport, staged: StagedRow[]): Promise<void> {
    const errors: RowError[] = [];
    const inputs: { row: number; input: ContactInput; key: string }[] = [];
    for (const { row_number: row, cells } of staged) {
      const parsed = rowToInput(cells, job.columns.columns);
      if (parsed.error) {
        errors.push({ row, ...parsed.error });
        continue;
      }
      const { fullName, ...fields } = parsed.input;
      const input: ContactInput = { ...fields };
      if (typeof fullName === 'string' && !input.firstName && !input.lastName) {
        const name = splitFullName(fullName);
        input.firstName = name.firstName;
        input.lastName = name.lastName;
      }
      inputs.push({ row, input, key: keyOf(input.email as string) });
    }
    // A file may hold the same person twice: later rows update what earlier rows created.
    const rounds: (typeof inputs)[] = [];
    for (const item of inputs) {
      const round = rounds.find((candidate) => !candidate.some((other) => other.key === item.key));
      if (round) round.push(item);
      else rounds.push([item]);
    }
    const domains = inputs.flatMap(({ input }) => {
      const email = analyzeEmail(input.email as string);
      return email.valid && !email.freeMail && !email.disposable ? [email.registrableDomain!] : [];
    });
    const facts = await this.writer.gatherAccountFacts(domains);
    const now = new Date().toISOString();
    await this.dataSource.transaction(async (manager) => {
      // A batch lost in a crash is redone from its staged rows (matched by email): no need to
      // wait for the WAL flush at each commit.
      await manager.query(`SET LOCAL synchronous_commit = off`);
      const counts = { created: 0, updated: 0, unchanged: 0 };
      for (const round of rounds) {
        const outcomes = await this.writeRound(manager, job.actor, round, facts, now);
        for (const outcome of outcomes) counts[outcome]++;
      }
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
      await manager.query(`DELETE FROM crm.import_rows WHERE import_id = $1 AND row_number <= $2`, [
        job.id,
        staged[staged.length - 1].row_number,
      ]);
      for (const [outcome, count] of Object.entries(counts)) importedRows.inc({ outcome }, count);
      importedRows.inc({ outcome: 'failed' }, errors.length);
    });
  }

  private async writeRound(
    manager: EntityManager,
    actor: string,
    round: { input: ContactInput; key: string }[],
    facts: Awaited<ReturnType<RecordWriter['gatherAccountFacts']>>,
    now: string,
  ): Promise<('created' | 'updated' | 'unchanged')[]> {
    const existing = await this.store.contactsByEmailKey(
      manager,
      round.map((item) => item.key),
    );
    const byKey = new Map(existing.map((row) => [row.emailKey, row]));
    const commands: ContactCommand[] = round.map(({ input, key }) => {
      const current = byKey.get(key) ?? null;
      return {
        existing: current,
        proposals: inputProposals(
          input,
          'import',
          current ? stringOf(current.fields, 'country') : null,
        ),
        reason: 'import',
      };
    });
    const outcomes = await this.writer.writeContacts(manager, commands, facts, actor, now);
    return outcomes.map((outcome) => outcome.result);
  }

  private async fail(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE crm.imports SET status = 'failed', finished_at = now(),
         errors = errors || jsonb_build_array(jsonb_build_object('row', 0, 'field', null, 'reason', $2::text))
       WHERE id = $1`,
      [id, reason],
    );
  }
}
