import { createOutboxAndInboxSql, dropOutboxAndInboxSql } from '@sales-suite/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasures of a person (`/v1/privacy/erasures`): the job and its audit record in one row, and
 * the gateway's outbox and inbox, through which it asks the services and hears their reports.
 * `email` and `contact_ids` are what the job needs while it runs; both are cleared when it ends,
 * and what remains (`subject_hmac`, who asked, per-service results) holds no personal data.
 */
export class CreatePrivacyErasures1765400000000 implements MigrationInterface {
  name = 'CreatePrivacyErasures1765400000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of createOutboxAndInboxSql('gateway')) await db.query(statement);
    await db.query(`
      CREATE TABLE gateway.privacy_erasures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_hmac char(64) NOT NULL,
        requested_by varchar(20) NOT NULL CHECK (requested_by IN ('email', 'contactId', 'email+contactId')),
        requested_by_key_id uuid NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
        services jsonb NOT NULL,
        email text,
        contact_ids text[] NOT NULL DEFAULT '{}',
        contacts_requested_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX privacy_erasures_subject_idx ON gateway.privacy_erasures (subject_hmac, created_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE gateway.privacy_erasures`);
    for (const statement of dropOutboxAndInboxSql('gateway')) await db.query(statement);
  }
}
