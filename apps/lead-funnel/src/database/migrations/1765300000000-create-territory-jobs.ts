import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Territory reassignment as a background job: the job walks the open leads in (created_at, id)
 * order and keeps its cursor (`after_*`) in the transaction of each batch, so a replica that takes
 * it over resumes after the last committed batch.
 */
export class CreateTerritoryJobs1765300000000 implements MigrationInterface {
  name = 'CreateTerritoryJobs1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE funnel.territory_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        territories_version integer NOT NULL,
        actor varchar(200) NOT NULL,
        status varchar(20) NOT NULL,
        total integer NOT NULL,
        processed integer NOT NULL DEFAULT 0,
        reassigned integer NOT NULL DEFAULT 0,
        after_created_at timestamptz NOT NULL DEFAULT 'epoch',
        after_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        error text
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE funnel.territory_jobs`);
  }
}
