import { connect } from 'nats';
import { Client } from 'pg';
import { e2eRun } from './test-env';

/** Drops the run's database and removes its JetStream streams. */
export default async function globalTeardown(): Promise<void> {
  const run = e2eRun();
  const admin = new Client({ connectionString: run.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${run.databaseName} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const nc = await connect({ servers: run.natsUrl });
  try {
    const manager = await nc.jetstreamManager();
    const streamPrefix = run.subjectPrefix.replace(/\./g, '_');
    for await (const stream of manager.streams.list()) {
      if (stream.config.name.startsWith(streamPrefix))
        await manager.streams.delete(stream.config.name);
    }
  } finally {
    await nc.close();
  }
}
