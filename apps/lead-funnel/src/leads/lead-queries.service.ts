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
import { DataSource } from 'typeorm';
import { scoreLead } from '../domain/score';
import { ScoringModelStore } from '../settings/scoring-model.store';
import { LeadEventStore } from './lead-event.store';
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
      `SELECT * FROM funnel.leads WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) throw this.notFound(id);
    return toLeadView(rows[0]);
  }

  /** Leads in creation order; the cursor is the last (created_at, id) seen. */
  async list(query: ListLeadsQueryDto): Promise<Page<LeadView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    if (query.stage) where('stage = ?', query.stage);
    if (query.ownerId) where('owner_id = ?', query.ownerId);
    if (query.territoryId) where('territory_id = ?', query.territoryId);
    if (query.contactId) where('contact_id = ?', query.contactId);
    if (query.minScore !== undefined) where('total_score >= ?', query.minScore);
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor).split('|');
      if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)))
        throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not a cursor of this list', {
          violations: [{ field: 'cursor', reason: 'cursor is not a cursor of this list' }],
        });
      parameters.push(createdAt, id);
      conditions.push(
        `(created_at, id) > ($${parameters.length - 1}::timestamptz, $${parameters.length}::uuid)`,
      );
    }
    const rows: LeadRow[] = await this.dataSource.query(
      `SELECT * FROM funnel.leads ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY created_at, id LIMIT ${limit + 1}`,
      parameters,
    );
    const items = rows.slice(0, limit).map(toLeadView);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit ? encodeCursor(`${last.createdAt}|${last.id}`) : null,
    };
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
