import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import columns no contact field takes are kept per contact, by header, with their source
 * (`import:<file>`) and first observation: `{ "<header>": { value, source, observedAt } }`.
 */
export class ContactCustomFields1765210000000 implements MigrationInterface {
  name = 'ContactCustomFields1765210000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE crm.contacts ADD COLUMN custom jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE crm.contacts DROP COLUMN custom`);
  }
}
