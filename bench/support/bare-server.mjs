// Baselines run in their own process, as the server under test does: a baseline sharing the load
// generator's event loop would be slowed by it and flatter the comparison.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './suite.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Runs `source` (CommonJS, resolved from the repository root) in a new Node.js process. It must
 * listen on `process.env.PORT` at 127.0.0.1 and then call `process.send('ready')`.
 */
export async function startBareServer(source, env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', source], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await once(child, 'message');
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill();
      await once(child, 'exit');
    },
  };
}
