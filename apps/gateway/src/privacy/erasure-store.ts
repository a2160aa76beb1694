import { Injectable } from '@nestjs/common';
import { ERASURE_SERVICES, ErasureStatus, ErasureView } from '@sales-suite/contracts';
import { EntityManager } from 'typeorm';
import { ServiceResults } from './domain/erasure-job';

export interface ErasureRow {
  id: string;
  subject_hmac: string;
  requested_by: string;
  requested_by_key_id: string;
  status: ErasureStatus;
  services: ServiceResults;
  email: string | null;
  contact_ids: string[];
  contacts_requested_at: Date | null;
  created_at: Date;
  finished_at: Date | null;
}

const TABLE = 'gateway.privacy_erasures';

/** The erasure jobs and their audit records (`gateway.privacy_erasures`). */
@Injectable()
export class ErasureStore {
  async insert(
    manager: EntityManager,
    row: Pick<
      ErasureRow,
      'subject_hmac' | 'requested_by' | 'requested_by_key_id' | 'services' | 'email' | 'contact_ids'
    >,
  ): Promise<ErasureRow> {
    const [inserted]: ErasureRow[] = await manager.query(
      `INSERT INTO ${TABLE} (subject_hmac, requested_by, requested_by_key_id, services, email, contact_ids)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [
        row.subject_hmac,
        row.requested_by,
        row.requested_by_key_id,
        JSON.stringify(row.services),
        row.email,
        row.contact_ids,
      ],
    );
    return inserted;
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<ErasureRow | null> {
    const [row]: ErasureRow[] = await manager.query(
      `SELECT * FROM ${TABLE} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async update(
    manager: EntityManager,
    id: string,
    change: Pick<ErasureRow, 'status' | 'services' | 'email' | 'contact_ids'> & {
      contactsRequested: boolean;
      finished: boolean;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE ${TABLE} SET status = $2, services = $3, email = $4, contact_ids = $5,
         contacts_requested_at = CASE WHEN $6 THEN coalesce(contacts_requested_at, now()) END,
         finished_at = CASE WHEN $7 THEN now() END
       WHERE id = $1`,
      [
        id,
        change.status,
        JSON.stringify(change.services),
        change.email,
        change.contact_ids,
        change.contactsRequested,
        change.finished,
      ],
    );
  }
}

export function erasureView(row: ErasureRow): ErasureView {
  return {
    id: row.id,
    status: row.status,
    subjectHmac: row.subject_hmac,
    requestedBy: row.requested_by,
    requestedByKeyId: row.requested_by_key_id,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    services: ERASURE_SERVICES.map((service) => ({ service, ...row.services[service] })),
  };
}
