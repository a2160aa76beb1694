import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

/** What a service declares about its database: it owns exactly one schema. */
export interface ServiceDatabase {
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** PostgreSQL options shared by every service: its own schema, migrations only, never synchronize. */
export function dataSourceOptions(
  url: string,
  database: ServiceDatabase,
  applicationName: string,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema: database.schema,
    entities: database.entities,
    migrations: database.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // Failures reach the caller as errors and are logged as JSON there; TypeORM's own lines are not.
    logging: false,
    applicationName,
    extra: {
      max: 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      // A statement that runs longer than this is a bug or a lock pile-up: fail it, do not hang.
      statement_timeout: 30000,
    },
  };
}
