/** Quotes an identifier for SQL (schema and table names are ours, but never trust a string). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The outbox (events written in the same transaction as the change they describe) and the inbox
 * (message ids a durable consumer has handled). Every service's first migration creates both.
 */
export function createOutboxAndInboxSql(schema: string): string[] {
  const s = quoteIdent(schema);
  return [
    `CREATE TABLE ${s}.outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      subject text NOT NULL,
      payload jsonb NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`,
    `CREATE INDEX outbox_unpublished_idx ON ${s}.outbox (created_at, id) WHERE published_at IS NULL`,
    `CREATE TABLE ${s}.inbox (
      consumer text NOT NULL,
      message_id text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, message_id)
    )`,
  ];
}

export function dropOutboxAndInboxSql(schema: string): string[] {
  const s = quoteIdent(schema);
  return [`DROP TABLE IF EXISTS ${s}.inbox`, `DROP TABLE IF EXISTS ${s}.outbox`];
}

/** Named leases: which replica does work that must run once across replicas (LeaseService). */
export function createLeasesSql(schema: string): string[] {
  const s = quoteIdent(schema);
  return [
    `CREATE TABLE ${s}.leases (
      name text PRIMARY KEY,
      owner text NOT NULL,
      expires_at timestamptz NOT NULL,
      acquired_at timestamptz NOT NULL DEFAULT now()
    )`,
  ];
}

export function dropLeasesSql(schema: string): string[] {
  return [`DROP TABLE IF EXISTS ${quoteIdent(schema)}.leases`];
}
