import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contacts and accounts keep every field with its provenance in one `fields` document; the
 * columns that filters, uniqueness and duplicate detection need are generated from it, so they
 * can never disagree with it.
 */
export class CreateCrmRecords1764200000000 implements MigrationInterface {
  name = 'CreateCrmRecords1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE crm.accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        domain varchar(253) NOT NULL,
        fields jsonb NOT NULL DEFAULT '{}',
        name text GENERATED ALWAYS AS (fields->'name'->>'value') STORED,
        industry text GENERATED ALWAYS AS (fields->'industry'->>'value') STORED,
        country text GENERATED ALWAYS AS (fields->'country'->>'value') STORED,
        stale_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT accounts_domain_key UNIQUE (domain)
      )`);
    await db.query(`CREATE INDEX accounts_country_idx ON crm.accounts (country, id)`);
    await db.query(`CREATE INDEX accounts_industry_idx ON crm.accounts (industry, id)`);
    await db.query(
      `CREATE INDEX accounts_stale_idx ON crm.accounts (stale_at) WHERE stale_at IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE crm.contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fields jsonb NOT NULL DEFAULT '{}',
        email_key text,
        email text GENERATED ALWAYS AS (fields->'email'->>'value') STORED,
        account_id uuid GENERATED ALWAYS AS ((fields->'accountId'->>'value')::uuid) STORED,
        owner_id text GENERATED ALWAYS AS (fields->'ownerId'->>'value') STORED,
        country text GENERATED ALWAYS AS (fields->'country'->>'value') STORED,
        seniority text GENERATED ALWAYS AS (fields->'seniority'->>'value') STORED,
        department text GENERATED ALWAYS AS (fields->'department'->>'value') STORED,
        name_key text GENERATED ALWAYS AS (lower(fields->'fullName'->>'value')) STORED,
        stale_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX contacts_email_key_idx ON crm.contacts (email_key)`);
    await db.query(`CREATE INDEX contacts_email_idx ON crm.contacts (email)`);
    await db.query(`CREATE INDEX contacts_account_name_idx ON crm.contacts (account_id, name_key)`);
    await db.query(`CREATE INDEX contacts_owner_idx ON crm.contacts (owner_id, id)`);
    await db.query(`CREATE INDEX contacts_country_idx ON crm.contacts (country, id)`);
    await db.query(`CREATE INDEX contacts_seniority_idx ON crm.contacts (seniority, id)`);
    await db.query(`CREATE INDEX contacts_department_idx ON crm.contacts (department, id)`);
    await db.query(
      `CREATE INDEX contacts_stale_idx ON crm.contacts (stale_at) WHERE stale_at IS NOT NULL`,
    );
    // One row per change of one record: the fields it changed, each with its source. An import
    // writes hundreds of records per transaction; a row per field would be ten times the rows.
    await db.query(`
      CREATE TABLE crm.field_history (
        id bigserial PRIMARY KEY,
        entity_type varchar(10) NOT NULL CHECK (entity_type IN ('contact', 'account')),
        entity_id uuid NOT NULL,
        actor varchar(120) NOT NULL,
        changes jsonb NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX field_history_entity_idx ON crm.field_history (entity_id, id)`);
    // lz4 compresses the per-field provenance documents several times faster than the default
    // (servers built without lz4 keep the default).
    await db.query(`
      DO $$ BEGIN
        ALTER TABLE crm.contacts ALTER COLUMN fields SET COMPRESSION lz4;
        ALTER TABLE crm.field_history ALTER COLUMN changes SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
      END $$`);
    await db.query(`
      CREATE TABLE crm.imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status varchar(20) NOT NULL CHECK (status IN ('receiving', 'queued', 'running', 'completed', 'failed')),
        file_name varchar(255) NOT NULL,
        columns jsonb NOT NULL,
        actor varchar(120) NOT NULL,
        total integer NOT NULL DEFAULT 0,
        processed integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        heartbeat_at timestamptz
      )`);
    await db.query(`CREATE INDEX imports_status_idx ON crm.imports (status, created_at)`);
    await db.query(`
      CREATE TABLE crm.import_rows (
        import_id uuid NOT NULL REFERENCES crm.imports (id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        cells text[] NOT NULL,
        PRIMARY KEY (import_id, row_number)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['import_rows', 'imports', 'field_history', 'contacts', 'accounts'])
      await db.query(`DROP TABLE crm.${table}`);
  }
}
