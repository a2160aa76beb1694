// `npm start`: boots the whole suite in one terminal. Uses NATS_URL and DATABASE_URL when they
// answer; otherwise starts nats-server (from PATH) and an embedded PostgreSQL with data under
// .data/ (SALES_SUITE_DATA_DIR). Then migrates, starts the five apps with coloured log prefixes and
// prints where to go. The admin key, the pixel signing key and the webhook secrets key are generated
// once into the data directory unless BOOTSTRAP_ADMIN_KEY / PIXEL_SIGNING_KEYS / WEBHOOK_SECRETS_KEY
// are set.
// Supervision: an app that exits on its own is restarted after 0.5 s, doubling up to 30 s while it
// keeps failing (reset once it stayed up 30 s). Every start prints `[start] <replica> started (pid
// N, port P)` and every unexpected exit `[start] <replica> exited unexpectedly (...); restarting in
// N s`: that is where to find a replica's pid.
// `--replicas N` (or SALES_SUITE_REPLICAS=N) runs N of each app; replica r listens on the default
// ports plus 100·(r-1) (gateway 3000, 3100, …; its pixel listener 3010, 3110, …), all shifted by
// SALES_SUITE_BASE_PORT - 3000. Each gets REPLICA_ID=<app>-<r>, the same across its restarts.
// Ctrl-C (SIGINT/SIGTERM/SIGHUP) stops the gateways, then the services (they drain NATS and finish
// in-flight requests), then whatever this script started; no restart is scheduled after that. Every
// child runs in its own process group, so a terminal's Ctrl-C reaches this script only.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from './free-port.cjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.SALES_SUITE_DATA_DIR ?? join(ROOT, '.data');
/** Built apps; SALES_SUITE_DIST points elsewhere when several builds run side by side (as in the tests). */
const DIST = process.env.SALES_SUITE_DIST ?? join(ROOT, 'dist');
// Ports are the base port (3000 by default) plus the app's offset, plus 100 per replica after the first.
const APPS = [
  { name: 'glossary', offset: 1, colour: 32 },
  { name: 'crm-enrichment', offset: 2, colour: 33 },
  { name: 'lead-funnel', offset: 3, colour: 35 },
  { name: 'email-tracking', offset: 4, colour: 36 },
  { name: 'gateway', offset: 0, colour: 34 },
];
const PIXEL_PORT_OFFSET = 10;
const REPLICA_PORT_STEP = 100;
const MAX_REPLICAS = 9;
const RESTART_FIRST_DELAY_MS = 500;
const RESTART_MAX_DELAY_MS = 30_000;
/** A replica that stayed up this long is healthy again: its next crash restarts after the first delay. */
const STABLE_AFTER_MS = 30_000;
const DEFAULT_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/sales_suite';
const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
const tty = process.stdout.isTTY;
const paint = (colour, text) => (tty ? `\x1b[${colour}m${text}\x1b[0m` : text);
const say = (text) => console.log(`${paint(1, '[start]')} ${text}`);
/** A path as the user would type it: relative inside the repository, absolute elsewhere. */
const shown = (path) => (path.startsWith(ROOT) ? relative(ROOT, path) : path);

const started = []; // nats-server and PostgreSQL when this script started them, stopped in reverse
const replicas = []; // every app replica, supervised
let stopping = false;
let labelWidth = 17; // `[crm-enrichment]`, and 2 more with replica numbers

/** `--replicas N` or SALES_SUITE_REPLICAS=N (default 1), and the base port; exits on bad input. */
function parseSettings(args) {
  let replicasText = process.env.SALES_SUITE_REPLICAS ?? '1';
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--replicas') replicasText = args[++index] ?? '';
    else if (arg.startsWith('--replicas=')) replicasText = arg.slice('--replicas='.length);
    else fail(`Unknown argument ${arg}. Usage: npm start [-- --replicas N]`);
  }
  const count = Number(replicasText);
  if (!Number.isInteger(count) || count < 1 || count > MAX_REPLICAS)
    fail(`--replicas (SALES_SUITE_REPLICAS) must be a whole number from 1 to ${MAX_REPLICAS}`);
  const basePort = Number(process.env.SALES_SUITE_BASE_PORT ?? 3000);
  const highest = basePort + (count - 1) * REPLICA_PORT_STEP + PIXEL_PORT_OFFSET;
  if (!Number.isInteger(basePort) || basePort < 1024 || highest > 65535)
    fail(`SALES_SUITE_BASE_PORT must be a port from 1024 that leaves room for ${count} replicas`);
  return { count, basePort };
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** 0.5 s, 1 s, 2 s, … up to 30 s for the 1st, 2nd, 3rd, … restart in a row. */
function restartDelayMs(restartsInARow) {
  return Math.min(RESTART_MAX_DELAY_MS, RESTART_FIRST_DELAY_MS * 2 ** (restartsInARow - 1));
}

function describeExit(code, signal) {
  return signal ? `signal ${signal}` : `code ${code}`;
}

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
    detached: true, // see Replica.start: Ctrl-C reaches this script only, which stops it last
  });
  child.stderr.on('data', (chunk) => process.stderr.write(prefix('nats', 90, chunk.toString())));
  started.push({ name: 'nats-server', child, stop: () => stopChild(child) });
  await waitFor(() => portAnswers('127.0.0.1', port), 'nats-server');
  const url = `nats://127.0.0.1:${port}`;
  say(`NATS: started ${binary} -js on ${url} (data in ${shown(storeDir)})`);
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
  const databaseDir = join(DATA, 'postgres');
  const user = decodeURIComponent(databaseUrl.username || 'postgres');
  const password = decodeURIComponent(databaseUrl.password || 'postgres');
  const child = spawn(process.execPath, [join(ROOT, 'scripts/embedded-postgres.mjs')], {
    env: {
      ...process.env,
      EMBEDDED_POSTGRES: JSON.stringify({ databaseDir, port, user, password }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // see Replica.start: stopped by this script, after the apps
  });
  child.stderr.on('data', (chunk) =>
    process.stderr.write(prefix('postgres', 90, chunk.toString())),
  );
  started.push({ name: 'embedded PostgreSQL', child, stop: () => stopChild(child, 30_000) });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (code ${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'initialising')
        say(`PostgreSQL: none answers; initialising an embedded one in ${shown(databaseDir)}`);
      if (line === 'ready') resolve();
    });
  });
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

/** A secret kept in the data directory: read when there, else generated once (mode 0600). */
function keptSecret(fileName, generate) {
  const file = join(DATA, fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = generate();
  mkdirSync(DATA, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function adminKey() {
  if (process.env.BOOTSTRAP_ADMIN_KEY) return process.env.BOOTSTRAP_ADMIN_KEY;
  return keptSecret(
    'bootstrap-admin-key',
    () => `ssk_dev_${randomBytes(24).toString('base64url')}`,
  );
}

/** Pixel tokens are signed with a key of this machine's own, never the built-in development key. */
function pixelSigningEnv() {
  if (process.env.PIXEL_SIGNING_KEYS) return {};
  const keys = keptSecret(
    'pixel-signing-keys',
    () => `local:${randomBytes(32).toString('base64')}`,
  );
  return { PIXEL_SIGNING_KEYS: keys, PIXEL_SIGNING_KEY_ID: keys.split(':')[0] };
}

/** Outbound webhooks' signing secrets are encrypted at rest under a key of this machine's own. */
function webhookSecretsEnv() {
  if (process.env.WEBHOOK_SECRETS_KEY) return {};
  return {
    WEBHOOK_SECRETS_KEY: keptSecret('webhook-secrets-key', () =>
      randomBytes(32).toString('base64'),
    ),
  };
}

/** Pino JSON lines become `[app] LEVEL message {rest}`; anything else is shown as it is. */
function prefix(name, colour, text) {
  const label = paint(colour, `[${name}]`.padEnd(labelWidth));
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

/**
 * One replica of one app, restarted with backoff whenever it exits on its own. Its REPLICA_ID and
 * ports stay the same across restarts, so a restarted replica resumes its own jobs at once.
 */
class Replica {
  constructor(app, number, count, basePort) {
    this.app = app;
    this.id = `${app.name}-${number}`;
    this.label = count > 1 ? this.id : app.name;
    this.port = basePort + (number - 1) * REPLICA_PORT_STEP + app.offset;
    this.pixelPort = app.name === 'gateway' ? this.port + PIXEL_PORT_OFFSET : undefined;
    this.restartsInARow = 0;
    this.child = undefined;
    this.restartTimer = undefined;
  }

  get isGateway() {
    return this.app.name === 'gateway';
  }

  start(suiteEnv) {
    this.suiteEnv = suiteEnv;
    const child = spawn(process.execPath, [join(DIST, `apps/${this.app.name}/src/main.js`)], {
      env: {
        ...suiteEnv,
        HTTP_PORT: String(this.port),
        REPLICA_ID: this.id,
        ...(this.pixelPort ? { PIXEL_HTTP_PORT: String(this.pixelPort) } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a terminal's Ctrl-C reaches only this script, which then sends one
      // SIGTERM in order. (A direct SIGINT followed by our SIGTERM would count as a second signal,
      // which makes the app exit at once instead of draining.)
      detached: true,
    });
    this.child = child;
    this.startedAt = Date.now();
    say(`${this.id} started (pid ${child.pid}, port ${this.port})`);
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) =>
        out.write(prefix(this.label, this.app.colour, line)),
      );
    }
    child.once('exit', (code, signal) => this.exited(child, code, signal));
  }

  exited(child, code, signal) {
    if (this.child === child) this.child = undefined;
    if (stopping) {
      say(`${this.id} stopped (${describeExit(code, signal)})`);
      return;
    }
    if (Date.now() - this.startedAt >= STABLE_AFTER_MS) this.restartsInARow = 0;
    this.restartsInARow++;
    const delayMs = restartDelayMs(this.restartsInARow);
    console.error(
      `${paint(1, '[start]')} ${paint(31, `${this.id} exited unexpectedly (${describeExit(code, signal)})`)}; ` +
        `restarting in ${delayMs / 1000} s (restart ${this.restartsInARow} in a row)`,
    );
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (!stopping) this.start(this.suiteEnv);
    }, delayMs);
  }

  async ready() {
    const response = await fetch(`http://127.0.0.1:${this.port}/health/ready`, {
      signal: AbortSignal.timeout(2000),
    }).catch(() => undefined);
    return response?.status === 200;
  }

  stop() {
    clearTimeout(this.restartTimer);
    return this.child ? stopChild(this.child) : Promise.resolve();
  }
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping: gateways, then services, then what this script started…');
  // Gateways first, so that no new request arrives while the services finish theirs.
  await Promise.all(replicas.filter((replica) => replica.isGateway).map((r) => r.stop()));
  await Promise.all(replicas.filter((replica) => !replica.isGateway).map((r) => r.stop()));
  for (const entry of [...started].reverse()) {
    await entry.stop().then(
      () => say(`${entry.name} stopped`),
      (error) => console.error(`${entry.name}: ${error.message}`),
    );
  }
  process.exit(code);
}

/** A port already answering would make that replica crash-loop: say so before starting anything. */
async function ensurePortsFree() {
  for (const replica of replicas) {
    for (const port of [replica.port, replica.pixelPort].filter(Boolean)) {
      if (await portAnswers('127.0.0.1', port, 300))
        fail(
          `Port ${port} (${replica.id}) is in use. Stop what listens there, or move every port with SALES_SUITE_BASE_PORT.`,
        );
    }
  }
}

async function main() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));
  // Last resort if this script dies without shutdown(): the children are in their own process
  // groups, so nothing else would stop them.
  process.on('exit', () => {
    for (const child of [...replicas.map((r) => r.child), ...started.map((s) => s.child)])
      if (child?.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  const { count, basePort } = parseSettings(process.argv.slice(2));
  if (count > 1) labelWidth += 2;
  if (!existsSync(join(DIST, 'apps/gateway/src/main.js'))) {
    console.error('The apps are not built: run `npm start` (it builds first) or `npm run build`.');
    process.exit(1);
  }
  for (let number = 1; number <= count; number++)
    for (const app of APPS) replicas.push(new Replica(app, number, count, basePort));
  await ensurePortsFree();
  const natsUrl = await ensureNats();
  const databaseUrl = await ensureDatabase();
  const key = adminKey();
  const gatewayUrl = `http://localhost:${basePort}`;
  const env = {
    ...process.env,
    NATS_URL: natsUrl,
    DATABASE_URL: databaseUrl,
    BOOTSTRAP_ADMIN_KEY: key,
    ...pixelSigningEnv(),
    ...webhookSecretsEnv(),
    DB_MIGRATIONS_RUN: 'false',
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? gatewayUrl,
  };

  say('applying migrations');
  const migrate = spawnSync(process.execPath, [join(DIST, 'tools/migrate.js')], {
    env,
    encoding: 'utf8',
  });
  process.stdout.write(prefix('migrate', 90, migrate.stdout ?? ''));
  if (migrate.status !== 0) {
    process.stderr.write(migrate.stderr ?? '');
    return shutdown(1);
  }

  for (const replica of replicas) replica.start(env);
  await waitFor(
    async () => (await Promise.all(replicas.map((replica) => replica.ready()))).every(Boolean),
    'the suite',
    90_000,
  );
  const urls = (list) => list.map((replica) => `http://localhost:${replica.port}`).join('  ');
  const gateways = replicas.filter((replica) => replica.isGateway);
  const services = APPS.filter((app) => app.name !== 'gateway').map(
    (app) =>
      `${app.name} ${replicas
        .filter((replica) => replica.app === app)
        .map((replica) => replica.port)
        .join(', ')}`,
  );
  say(
    [
      paint(32, `sales-suite is up${count > 1 ? ` (${count} replicas of each app)` : ''}.`),
      `  Gateway:   ${urls(gateways)}`,
      `  API docs:  ${gatewayUrl}/docs`,
      `  Console:   ${gatewayUrl}/console   (sign in with the admin key below)`,
      `  Pixel:     ${gateways.map((gateway) => `http://localhost:${gateway.pixelPort}/t/o/`).join('  ')}   (dedicated listener; /t/o/ works on the gateway too)`,
      `  Services:  ${services.join('; ')}   (/health/ready, /metrics)`,
      `  Admin key: ${key}   (kept in ${shown(join(DATA, 'bootstrap-admin-key'))}; set BOOTSTRAP_ADMIN_KEY to choose one)`,
      `  Try:       curl -H "Authorization: Bearer ${key}" ${gatewayUrl}/v1/glossary/terms/sales-champion`,
      '  An app that exits is restarted (log: "[start] … exited unexpectedly"). Ctrl-C stops everything.',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(`npm start failed: ${error.message}`);
  void shutdown(1);
});
