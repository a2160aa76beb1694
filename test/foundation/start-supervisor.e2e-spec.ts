import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';
import { eventually } from '../support/eventually';

const ROOT = join(__dirname, '../..');
const SERVICE_OFFSETS = { glossary: 1, 'crm-enrichment': 2, 'lead-funnel': 3, 'email-tracking': 4 };
const PIXEL_OFFSET = 10;
const REPLICA_STEP = 100;

/** `node scripts/start.mjs` as a user runs it (after `npm run build`), with its output kept. */
class StartScript {
  private output = '';
  private readonly waiters = new Set<() => void>();
  readonly exited: Promise<[number | null, NodeJS.Signals | null]>;

  constructor(readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      for (const wake of this.waiters) wake();
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  }

  logs(): string {
    return this.output;
  }

  /** Resolves with the first match of `pattern` in the output from `from` on. */
  waitForLine(pattern: RegExp, timeoutMs: number, from = 0): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = this.output.slice(from).match(pattern);
        if (!match) return;
        finish();
        resolve(match);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no line ${pattern} within ${timeoutMs} ms:\n${this.output}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The pid each replica was last started with, from the `<replica> started (pid N, …)` lines. */
  pids(): Map<string, number> {
    const pids = new Map<string, number>();
    for (const [, replica, pid] of this.output.matchAll(/\] (\S+) started \(pid (\d+),/g))
      pids.set(replica, Number(pid));
    return pids;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A base port whose whole two-replica range is free (ports 3000–3004 are used by other tests). */
async function freeBasePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + REPLICA_STEP * Math.floor(Math.random() * 300);
    const offsets = [0, ...Object.values(SERVICE_OFFSETS), PIXEL_OFFSET];
    const ports = [0, REPLICA_STEP].flatMap((step) => offsets.map((o) => base + step + o));
    if ((await Promise.all(ports.map(portIsFree))).every(Boolean)) return base;
  }
  throw new Error('no free port range found');
}

/** Alive unless gone or a zombie (a zombie has exited; only its parent has not reaped it yet). */
function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function environOf(pid: number): string[] {
  return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
}

function replicaIdOf(pid: number): string | undefined {
  const environment = environOf(pid);
  return environment.find((entry) => entry.startsWith('REPLICA_ID='))?.slice('REPLICA_ID='.length);
}

async function isReady(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/health/ready`, {
    signal: AbortSignal.timeout(2000),
  }).catch(() => undefined);
  return response?.status === 200;
}

describe('npm start supervises the apps (node scripts/start.mjs --replicas 2)', () => {
  let script: StartScript;
  let base: number;
  let dataDir: string;

  beforeAll(async () => {
    const run = e2eRun();
    base = await freeBasePort();
    dataDir = mkdtempSync(join(tmpdir(), 'sales-suite-start-'));
    const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--replicas', '2'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        ...(process.env.SALES_SUITE_DIST ? { SALES_SUITE_DIST: process.env.SALES_SUITE_DIST } : {}),
        DATABASE_URL: run.databaseUrl,
        NATS_URL: run.natsUrl,
        NATS_SUBJECT_PREFIX: run.subjectPrefix,
        BOOTSTRAP_ADMIN_KEY: run.adminKey,
        SALES_SUITE_BASE_PORT: String(base),
        SALES_SUITE_DATA_DIR: dataDir,
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SHUTDOWN_GRACE_MS: '5000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, as in a terminal: Ctrl-C signals the whole group
    });
    script = new StartScript(child);
    // Ten apps booting at once take ~15 s on two idle cores; the bound leaves room for a loaded
    // machine (the script itself gives up after 90 s).
    await script.waitForLine(/sales-suite is up \(2 replicas of each app\)/, 90_000);
  }, 100_000);

  afterAll(async () => {
    // Only after a failed test is anything left: stop it hard so that nothing outlives the run.
    if (script.child.exitCode === null && script.child.signalCode === null)
      process.kill(-script.child.pid!, 'SIGKILL');
    for (const pid of script.pids().values()) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs two of each app on the announced ports, each replica with its own REPLICA_ID', async () => {
    const logs = script.logs();
    expect(logs).toContain(`Gateway:   http://localhost:${base}  http://localhost:${base + 100}`);
    expect(logs).toContain(
      `Pixel:     http://localhost:${base + 10}/t/o/  http://localhost:${base + 110}/t/o/`,
    );
    const pids = script.pids();
    expect([...pids.keys()].sort()).toEqual(
      ['gateway', ...Object.keys(SERVICE_OFFSETS)]
        .flatMap((app) => [`${app}-1`, `${app}-2`])
        .sort(),
    );
    for (const [replica, pid] of pids) expect(replicaIdOf(pid)).toBe(replica);
    for (const step of [0, REPLICA_STEP]) {
      for (const offset of [0, ...Object.values(SERVICE_OFFSETS)])
        expect(await isReady(base + step + offset)).toBe(true);
      const pixel = await fetch(`http://127.0.0.1:${base + step + PIXEL_OFFSET}/t/o/none.gif`);
      expect(pixel.headers.get('content-type')).toBe('image/gif');
    }
    // With BOOTSTRAP_ADMIN_KEY given, no key file is written (and .data/ is the temp dir anyway).
    expect(existsSync(join(dataDir, 'bootstrap-admin-key'))).toBe(false);
    // No PIXEL_SIGNING_KEYS given: one is generated into the data directory and given to every app.
    const pixelKeysFile = join(dataDir, 'pixel-signing-keys');
    expect(statSync(pixelKeysFile).mode & 0o777).toBe(0o600);
    const pixelKeys = readFileSync(pixelKeysFile, 'utf8').trim();
    expect(pixelKeys).toMatch(/^local:[A-Za-z0-9+/]{43}=$/);
    for (const [replica, pid] of pids)
      if (/^(gateway|email-tracking)-/.test(replica))
        expect(environOf(pid)).toContain(`PIXEL_SIGNING_KEYS=${pixelKeys}`);
    expect(logs).not.toContain('built-in development key');
  });

  it('restarts a replica killed with -9 under the same REPLICA_ID while its twin keeps serving', async () => {
    const killed = script.pids().get('glossary-2')!;
    const from = script.logs().length;
    process.kill(killed, 'SIGKILL');
    await script.waitForLine(
      /glossary-2 exited unexpectedly \(signal SIGKILL\); restarting in 0\.5 s/,
      10_000,
      from,
    );
    // glossary-2 is down now: both gateways still answer reads that glossary serves (not cached).
    for (const gateway of [base, base + REPLICA_STEP]) {
      const response = await apiClient(`http://127.0.0.1:${gateway}`)<{ items: unknown[] }>(
        '/v1/glossary/terms/sales-champion/revisions',
      );
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeGreaterThan(0);
    }
    const [, restarted] = await script.waitForLine(
      /glossary-2 started \(pid (\d+), port \d+\)/,
      10_000,
      from,
    );
    expect(Number(restarted)).not.toBe(killed);
    expect(replicaIdOf(Number(restarted))).toBe('glossary-2');
    const port = base + REPLICA_STEP + SERVICE_OFFSETS.glossary;
    await eventually(() => isReady(port), {
      timeoutMs: 20_000,
      intervalMs: 200,
      description: `port ${port} ready`,
    });
    expect(isAlive(killed)).toBe(false);
  }, 40_000);

  it('stops everything in order on Ctrl-C, restarting nothing, and leaves no process behind', async () => {
    const pids = [...script.pids().values()];
    expect(pids.every(isAlive)).toBe(true);
    const from = script.logs().length;
    // What a terminal's Ctrl-C does: SIGINT to every process of the foreground process group.
    process.kill(-script.child.pid!, 'SIGINT');
    const [code] = await script.exited;
    expect(code).toBe(0);
    const after = script.logs().slice(from);
    expect(after).toContain('stopping: gateways, then services');
    expect(after).not.toContain('exited unexpectedly');
    expect(after).not.toMatch(/ started \(pid/);
    // Every replica drained and exited by itself (code 0: neither killed after the grace period
    // nor cut short by a second signal), both gateways before any service.
    const stopped = [...after.matchAll(/\] (\S+)-\d stopped \((.+)\)/g)];
    expect(stopped.map(([, , how]) => how)).toEqual(Array(10).fill('code 0'));
    expect(stopped.slice(0, 2).map(([, app]) => app)).toEqual(['gateway', 'gateway']);
    expect(pids.filter(isAlive)).toEqual([]);
  }, 40_000);
});
