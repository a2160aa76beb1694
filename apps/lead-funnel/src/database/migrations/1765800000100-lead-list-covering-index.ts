import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The list by live score ranks every lead whose ceiling reaches the page's cut (`leadsByScore`):
 * at 1M leads that band is tens of thousands of rows, and reading them from the table (~900-byte
 * rows) cost about four fifths of the time. The ceiling indexes now carry what the decayed total
 * needs, so the band is ranked by an index-only scan and only the page's rows are read.
 */
export class LeadListCoveringIndex1765800000100 implements MigrationInterface {
  name = 'LeadListCoveringIndex1765800000100';

  async up(db: QueryRunner): Promise<void> {
    await this.ceilingIndexes(
      db,
      'INCLUDE (total_score, decay_half_lives, decay_points, scored_at)',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await this.ceilingIndexes(db, '');
  }

  private async ceilingIndexes(db: QueryRunner, include: string): Promise<void> {
    await db.query(`DROP INDEX funnel.leads_stage_ceiling_idx`);
    await db.query(`DROP INDEX funnel.leads_ceiling_idx`);
    await db.query(
      `CREATE INDEX leads_stage_ceiling_idx ON funnel.leads (stage, score_ceiling DESC, id) ${include}`,
    );
    await db.query(
      `CREATE INDEX leads_ceiling_idx ON funnel.leads (score_ceiling DESC, id) ${include}`,
    );
  }
}
