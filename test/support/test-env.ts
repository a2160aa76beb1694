/** What every e2e test shares within one run: set by global-setup, read by the helpers. */
export interface E2eRun {
  databaseUrl: string;
  databaseName: string;
  adminUrl: string;
  natsUrl: string;
  subjectPrefix: string;
  adminKey: string;
}

export const E2E_ENV_VAR = 'SALES_SUITE_E2E_RUN';

export function e2eRun(): E2eRun {
  const raw = process.env[E2E_ENV_VAR];
  if (!raw)
    throw new Error('e2e run settings missing: run the e2e tests through jest (global-setup)');
  return JSON.parse(raw) as E2eRun;
}

/** The PostgreSQL server the tests use; any database on it works for admin commands. */
export function postgresServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function natsServerUrl(): string {
  return process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
}

/**
 * A test file's own subject prefix, under the run's (so teardown removes its streams): the events
 * it publishes stay out of the run's streams, and it never works through other files' backlogs.
 */
export function ownSubjectPrefix(file: string): { NATS_SUBJECT_PREFIX: string } {
  return { NATS_SUBJECT_PREFIX: `${e2eRun().subjectPrefix}${file}.` };
}
