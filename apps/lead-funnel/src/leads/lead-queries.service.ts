import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  decodeCursor,
  DomainError,
  encodeCursor,
  ErrorCode,
  LeadHistoryView,
  LeadView,
  ListLeadsQueryDto,
  Page,
  ScoreRequest,
  ScoreView,
} from '@sales-suite/contracts';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { scoreLead } from '../domain/score';
import { ScoringModelStore } from '../settings/scoring-model.store';
import { LeadEventStore } from './lead-event.store';
import { leadsByScore, leadsScoredAt } from './lead-projection';
import { LeadRow, toLeadEventView, toLeadView, toScoreView } from './lead.mapper';

const DEFAULT_PAGE_SIZE = 20;

/** Reads: the lead read model, the raw stream, and the live explained score. */
@Injectable()
export class LeadQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: LeadEventStore,
    private readonly models: ScoringModelStore,
  ) {}

  async get(id: string): Promise<LeadView> {
    const rows: LeadRow[] = await this.dataSource.query(
      `SELECT * FROM ${leadsScoredAt(2)} WHERE id = $1`,
      [id, new Date()],
    );
    if (rows.length === 0) throw this.notFound(id);
    return toLeadView(rows[0]);
  }

  /**
   * Leads in creation order, or by total score now (highest first). Scores are decayed to one
   * moment per listing: the first page's time travels in the cursor, so pages never disagree.
   */
  async list(query: ListLeadsQueryDto): Promise<Page<LeadView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const byScore = query.sort === 'score';
    const order = byScore ? 'score' : 'created';
    const cursor = query.cursor ? this.parseCursor(query.cursor, order) : null;
    const at = cursor ? cursor.at : new Date();
    const parameters: unknown[] = [at];
    const conditions: string[] = [];
    const where = (sql: string, ...values: unknown[]) => {
      conditions.push(
        sql.replace(/\?/g, () => {
          parameters.push(values.shift());
          return `$${parameters.length}`;
        }),
      );
    };
    if (query.stage) where('stage = ?', query.stage);
    if (query.ownerId) where('owner_id = ?', query.ownerId);
    if (query.territoryId) where('territory_id = ?', query.territoryId);
    if (query.contactId) where('contact_id = ?', query.contactId);
    if (query.minScore !== undefined) {
      where('total_now >= ?', query.minScore);
      // Redundant, but lets the index on the ceiling stop where no lead can reach minScore.
      where('score_ceiling >= ? - 0.01', query.minScore);
    }
    if (cursor && byScore)
      where(
        '(total_now < ? OR (total_now = ? AND id > ?::uuid))',
        cursor.score,
        cursor.score,
        cursor.id,
      );
    else if (cursor)
      where('(created_at, id) > (?::timestamptz, ?::uuid)', cursor.createdAt, cursor.id);
    const filter = conditions.length ? conditions.join(' AND ') : 'true';
    const rows: LeadRow[] = await this.dataSource.query(
      byScore
        ? leadsByScore(filter, limit + 1)
        : `SELECT * FROM ${leadsScoredAt(1)} WHERE ${filter} ORDER BY created_at, id LIMIT ${limit + 1}`,
      parameters,
    );
    const items = rows.slice(0, limit).map(toLeadView);
    const last = items[items.length - 1];
    const key = byScore ? last?.totalScore : last?.createdAt;
    const next = `${order}|${at.toISOString()}|${key}|${last?.id}`;
    return { items, nextCursor: rows.length > limit ? encodeCursor(next) : null };
  }

  /** `created|at|createdAt|id` or `score|at|score|id`: a cursor only continues its own order. */
  private parseCursor(
    cursor: string,
    order: 'created' | 'score',
  ): { at: Date; createdAt: string; score: number; id: string } {
    const [kind, at, key, id] = decodeCursor(cursor).split('|');
    const byScore = order === 'score';
    const valid =
      kind === order &&
      !!at &&
      !!key &&
      isUUID(id) &&
      !Number.isNaN(Date.parse(at)) &&
      (byScore ? Number.isFinite(Number(key)) : !Number.isNaN(Date.parse(key)));
    if (!valid)
      throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not a cursor of this list', {
        violations: [{ field: 'cursor', reason: 'cursor is not a cursor of this list' }],
      });
    return { at: new Date(at), createdAt: key, score: Number(key), id };
  }

  async history(leadId: string): Promise<LeadHistoryView> {
    const stored = await this.events.readWithActors(this.dataSource.manager, leadId);
    if (stored.length === 0) throw this.notFound(leadId);
    return {
      leadId,
      version: stored[stored.length - 1].event.version,
      events: stored.map(toLeadEventView),
    };
  }

  /** The score now (or at `at`) under the current model, with every contribution. */
  async score({ id, at }: ScoreRequest): Promise<ScoreView> {
    const events = await this.events.read(this.dataSource.manager, id);
    if (events.length === 0) throw this.notFound(id);
    const model = await this.models.current(this.dataSource.manager);
    const when = at ? Date.parse(at) : Date.now();
    return toScoreView(id, when, model.version, scoreLead(events, model.document, when));
  }

  private notFound(leadId: string): DomainError {
    return new DomainError(ErrorCode.LeadNotFound, `No lead has the id ${leadId}`, { leadId });
  }
}
