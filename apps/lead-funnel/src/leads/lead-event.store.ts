import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@sales-suite/contracts';
import { EntityManager, QueryFailedError } from 'typeorm';
import type { LeadEvent } from '../domain/lead-events';

interface EventRow {
  lead_id: string;
  version: number;
  type: LeadEvent['type'];
  data: LeadEvent['data'];
  occurred_at: Date;
  actor: string;
}

export interface StoredLeadEvent {
  event: LeadEvent;
  actor: string;
}

export interface StreamAppend {
  leadId: string;
  events: readonly LeadEvent[];
}

const UNIQUE_VIOLATION = '23505';

const toEvent = (row: EventRow): LeadEvent =>
  ({
    type: row.type,
    version: row.version,
    occurredAt: row.occurred_at.getTime(),
    data: row.data,
  }) as LeadEvent;

/**
 * The lead streams. Appending version n+1 when another writer already did fails on the primary
 * key (lead_id, version): that is the optimistic concurrency check, enforced by PostgreSQL.
 */
@Injectable()
export class LeadEventStore {
  async read(manager: EntityManager, leadId: string): Promise<LeadEvent[]> {
    return (await this.readWithActors(manager, leadId)).map((stored) => stored.event);
  }

  async readWithActors(manager: EntityManager, leadId: string): Promise<StoredLeadEvent[]> {
    const rows: EventRow[] = await manager.query(
      `SELECT lead_id, version, type, data, occurred_at, actor FROM funnel.lead_events
       WHERE lead_id = $1 ORDER BY version`,
      [leadId],
    );
    return rows.map((row) => ({ event: toEvent(row), actor: row.actor }));
  }

  /** The streams of many leads at once (ids without events are absent from the map). */
  async readMany(manager: EntityManager, leadIds: string[]): Promise<Map<string, LeadEvent[]>> {
    const rows: EventRow[] = await manager.query(
      `SELECT lead_id, version, type, data, occurred_at, actor FROM funnel.lead_events
       WHERE lead_id = ANY($1::uuid[]) ORDER BY lead_id, version`,
      [leadIds],
    );
    const streams = new Map<string, LeadEvent[]>();
    for (const row of rows) {
      const stream = streams.get(row.lead_id);
      if (stream) stream.push(toEvent(row));
      else streams.set(row.lead_id, [toEvent(row)]);
    }
    return streams;
  }

  /**
   * Replaces the data of stored events, in place: only for an erasure of personal data (events
   * are otherwise never changed once appended). Answers how many rows changed.
   */
  async redact(
    manager: EntityManager,
    leadId: string,
    events: readonly LeadEvent[],
  ): Promise<number> {
    if (events.length === 0) return 0;
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE funnel.lead_events e SET data = r.data
       FROM jsonb_to_recordset($2::jsonb) AS r(version integer, data jsonb)
       WHERE e.lead_id = $1 AND e.version = r.version`,
      [
        leadId,
        JSON.stringify(events.map((event) => ({ version: event.version, data: event.data }))),
      ],
    );
    return count;
  }

  /** Appends to one or many streams in one statement; any stream that moved on → 409. */
  async append(manager: EntityManager, appends: StreamAppend[], actor: string): Promise<void> {
    const rows = appends.flatMap(({ leadId, events }) =>
      events.map((event) => ({ leadId, event })),
    );
    if (rows.length === 0) return;
    try {
      await manager.query(
        `INSERT INTO funnel.lead_events (lead_id, version, type, data, occurred_at, actor)
         SELECT lead_id, version, type, data, occurred_at, $2
         FROM jsonb_to_recordset($1::jsonb)
           AS e(lead_id uuid, version integer, type text, data jsonb, occurred_at timestamptz)
         ORDER BY lead_id, version`,
        [
          JSON.stringify(
            rows.map(({ leadId, event }) => ({
              lead_id: leadId,
              version: event.version,
              type: event.type,
              data: event.data,
              occurred_at: new Date(event.occurredAt).toISOString(),
            })),
          ),
          actor,
        ],
      );
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
      ) {
        const leadIds = [...new Set(appends.map((append) => append.leadId))];
        throw new DomainError(
          ErrorCode.LeadVersionConflict,
          'The lead was changed by someone else at the same time; read it again and retry',
          leadIds.length === 1 ? { leadId: leadIds[0] } : { leadIds },
        );
      }
      throw error;
    }
  }
}
