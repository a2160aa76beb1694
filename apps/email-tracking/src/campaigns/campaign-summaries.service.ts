import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CampaignMessagePageView,
  CampaignMessagesCommandDto,
  CampaignPageView,
  CampaignSummaryView,
  decodeTimeIdCursor,
  DeliveryStatus,
  DomainError,
  encodeTimeIdCursor,
  ErrorCode,
  ListCampaignsQueryDto,
  SetCampaignArchivedDto,
  UpdateCampaignCommandDto,
} from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import { CampaignCounters, headlineFigures } from '../domain/open-stats';
import { CAMPAIGN_COUNTERS } from './campaign-counters';

const DEFAULT_PAGE_SIZE = 20;

/** The cursor's time: the database's own microsecond text, in UTC (see `encodeTimeIdCursor`). */
const cursorTime = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const SUMMARY_COLUMNS = `id, name, subject, created_at, archived_at,
  ${cursorTime('created_at')} AS cursor_at, ${CAMPAIGN_COUNTERS}`;

interface SummaryRow extends CampaignCounters {
  id: string;
  name: string;
  subject: string;
  created_at: Date;
  archived_at: Date | null;
  cursor_at: string;
}

interface MessageRow {
  id: string;
  email: string;
  contact_id: string | null;
  lead_id: string | null;
  status: DeliveryStatus;
  sent_at: Date;
  delivered_at: Date | null;
  open_count: number;
  first_open_at: Date | null;
  first_human_open_at: Date | null;
  cursor_at: string;
}

/** Campaigns as the console lists them: one row each, figures from the kept counters. */
@Injectable()
export class CampaignSummariesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first on (created_at, id): one index range scan whatever the number of campaigns. */
  async list(query: ListCampaignsQueryDto): Promise<CampaignPageView> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const where: string[] = [];
    const params: unknown[] = [];
    if (!query.includeArchived) where.push('archived_at IS NULL');
    if (query.cursor) {
      const after = decodeTimeIdCursor(query.cursor);
      params.push(after.at, after.id);
      where.push(`(created_at, id) < ($1::timestamptz, $2::uuid)`);
    }
    params.push(limit + 1);
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM email.campaigns
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toSummary),
      nextCursor: rows.length > limit ? encodeTimeIdCursor(last.cursor_at, last.id) : null,
    };
  }

  async get(id: string): Promise<CampaignSummaryView> {
    const [row]: SummaryRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM email.campaigns WHERE id = $1`,
      [id],
    );
    if (!row) throw campaignNotFound(id);
    return toSummary(row);
  }

  async update(input: UpdateCampaignCommandDto): Promise<CampaignSummaryView> {
    const [rows]: [SummaryRow[], number] = await this.dataSource.query(
      `UPDATE email.campaigns SET name = COALESCE($2, name), subject = COALESCE($3, subject)
       WHERE id = $1 RETURNING ${SUMMARY_COLUMNS}`,
      [input.id, input.name ?? null, input.subject ?? null],
    );
    if (rows.length === 0) throw campaignNotFound(input.id);
    return toSummary(rows[0]);
  }

  /** Idempotent: archiving again keeps the first archive time. */
  async setArchived(input: SetCampaignArchivedDto): Promise<CampaignSummaryView> {
    const [rows]: [SummaryRow[], number] = await this.dataSource.query(
      `UPDATE email.campaigns
       SET archived_at = CASE WHEN $2 THEN COALESCE(archived_at, now()) END
       WHERE id = $1 RETURNING ${SUMMARY_COLUMNS}`,
      [input.id, input.archived],
    );
    if (rows.length === 0) throw campaignNotFound(input.id);
    return toSummary(rows[0]);
  }

  /** In sending order on (sent_at, id), the index `messages_campaign_sent_idx`. */
  async messages(query: CampaignMessagesCommandDto): Promise<CampaignMessagePageView> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [query.id];
    const where = ['campaign_id = $1'];
    if (query.status) {
      params.push(query.status);
      where.push(`status = $${params.length}`);
    }
    if (query.cursor) {
      const after = decodeTimeIdCursor(query.cursor);
      params.push(after.at, after.id);
      where.push(`(sent_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const [campaign, rows] = await Promise.all([
      this.dataSource.query(`SELECT 1 FROM email.campaigns WHERE id = $1`, [query.id]) as Promise<
        unknown[]
      >,
      this.dataSource.query(
        `SELECT id, email, contact_id, lead_id, status, sent_at, delivered_at, open_count,
                first_open_at, first_human_open_at, ${cursorTime('sent_at')} AS cursor_at
         FROM email.messages WHERE ${where.join(' AND ')}
         ORDER BY sent_at, id LIMIT $${params.length}`,
        params,
      ) as Promise<MessageRow[]>,
    ]);
    if (campaign.length === 0) throw campaignNotFound(query.id);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((row) => ({
        id: row.id,
        email: query.includeEmail ? row.email : null,
        contactId: row.contact_id,
        leadId: row.lead_id,
        status: row.status,
        sentAt: row.sent_at.toISOString(),
        deliveredAt: row.delivered_at?.toISOString() ?? null,
        opened: row.open_count > 0,
        firstOpenAt: row.first_open_at?.toISOString() ?? null,
        firstHumanOpenAt: row.first_human_open_at?.toISOString() ?? null,
      })),
      nextCursor: rows.length > limit ? encodeTimeIdCursor(last.cursor_at, last.id) : null,
    };
  }
}

function toSummary(row: SummaryRow): CampaignSummaryView {
  const figures = headlineFigures(row);
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    createdAt: row.created_at.toISOString(),
    archivedAt: row.archived_at?.toISOString() ?? null,
    sent: figures.sent,
    delivered: figures.delivered,
    bounced: figures.bounced,
    uniqueOpens: figures.uniqueOpens,
    uniqueHumanOpens: figures.uniqueHumanOpens,
    openRate: figures.openRate,
    humanOpenRate: figures.humanOpenRate,
  };
}

function campaignNotFound(id: string): DomainError {
  return new DomainError(ErrorCode.EmailCampaignNotFound, `No campaign has the id ${id}`, { id });
}
