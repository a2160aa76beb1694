import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_FUNNEL_DEFINITION } from '../../domain/funnel-definition';
import { DEFAULT_SCORING_MODEL } from '../../domain/scoring-model';

/**
 * The lead event store (append-only, one stream per lead, optimistic concurrency through the
 * primary key), its projections (leads, stage visits), versioned settings and re-score jobs.
 */
export class CreateLeadFunnelTables1764150000100 implements MigrationInterface {
  name = 'CreateLeadFunnelTables1764150000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE funnel.lead_events (
        position bigserial NOT NULL UNIQUE,
        lead_id uuid NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        type varchar(40) NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        actor varchar(100) NOT NULL,
        PRIMARY KEY (lead_id, version)
      )`);
    await db.query(`
      CREATE TABLE funnel.leads (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        source varchar(20) NOT NULL,
        contact_id varchar(100),
        account_id varchar(100),
        owner_id varchar(100),
        owner_pinned boolean NOT NULL,
        territory_id varchar(60),
        stage varchar(20) NOT NULL,
        stage_entered_at timestamptz NOT NULL,
        lost_reason varchar(100),
        auto_qualified boolean NOT NULL,
        amount double precision,
        committee jsonb NOT NULL,
        champion_contact_id varchar(100),
        fit jsonb,
        engagement_count integer NOT NULL,
        fit_score double precision NOT NULL,
        engagement_score double precision NOT NULL,
        total_score double precision NOT NULL,
        score_model_version integer,
        scored_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX leads_contact_idx ON funnel.leads (contact_id) WHERE contact_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX leads_created_idx ON funnel.leads (created_at, id)`);
    await db.query(`CREATE INDEX leads_model_idx ON funnel.leads (score_model_version, id)`);
    await db.query(`
      CREATE TABLE funnel.lead_stage_visits (
        lead_id uuid NOT NULL,
        seq integer NOT NULL,
        stage varchar(20) NOT NULL,
        entered_at timestamptz NOT NULL,
        left_at timestamptz,
        PRIMARY KEY (lead_id, seq)
      )`);
    for (const table of ['funnel_definitions', 'scoring_models', 'territory_configs']) {
      await db.query(`
        CREATE TABLE funnel.${table} (
          version integer PRIMARY KEY,
          document jsonb NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          created_by varchar(100) NOT NULL
        )`);
    }
    await db.query(
      `INSERT INTO funnel.funnel_definitions (version, document, created_by) VALUES (1, $1, 'system')`,
      [JSON.stringify(DEFAULT_FUNNEL_DEFINITION)],
    );
    await db.query(
      `INSERT INTO funnel.scoring_models (version, document, created_by) VALUES (1, $1, 'system')`,
      [JSON.stringify(DEFAULT_SCORING_MODEL)],
    );
    await db.query(
      `INSERT INTO funnel.territory_configs (version, document, created_by) VALUES (1, '[]', 'system')`,
    );
    await db.query(`
      CREATE TABLE funnel.territory_cursors (
        territory_id varchar(60) PRIMARY KEY,
        next_index bigint NOT NULL
      )`);
    await db.query(`
      CREATE TABLE funnel.contact_fit (
        contact_id varchar(100) PRIMARY KEY,
        account_id varchar(100),
        fit jsonb NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE funnel.rescore_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        model_version integer NOT NULL,
        status varchar(20) NOT NULL,
        total integer NOT NULL,
        processed integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        error text
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'rescore_jobs',
      'contact_fit',
      'territory_cursors',
      'territory_configs',
      'scoring_models',
      'funnel_definitions',
      'lead_stage_visits',
      'leads',
      'lead_events',
    ])
      await db.query(`DROP TABLE funnel.${table}`);
  }
}
