import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { e2eRun } from './test-env';
import { freePort } from '../../scripts/free-port.cjs';
import { eventually } from './eventually';

export type AppName = 'gateway' | 'glossary' | 'crm-enrichment' | 'lead-funnel' | 'email-tracking';

const ROOT = join(__dirname, '../..');
/** Built apps; SALES_SUITE_DIST points elsewhere when several builds run side by side. */
const DIST = process.env.SALES_SUITE_DIST ?? join(ROOT, 'dist');

// Children never outlive the test process, even when a hook times out before it can stop them.
const spawned = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of spawned) child.kill('SIGKILL');
});

export { freePort };

/** A built app running as its own process, exactly as in production (node dist/...). */
export class RunningApp {
  private readonly output: string[] = [];
  private exited?: Promise<number | null>;

  constructor(
    readonly name: AppName,
    readonly port: number,
    private readonly child: ChildProcess,
    /** Keeps everything the process writes, not only its last lines (tests that search the logs). */
    keepAllOutput = false,
  ) {
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString('utf8'));
      if (this.output.length > 400 && !keepAllOutput) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = once(child, 'exit').then(([code]) => code as number | null);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  logs(): string {
    return this.output.join('');
  }

  async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    try {
      await eventually(() => this.ready(), {
        timeoutMs,
        intervalMs: 150,
        description: `${this.name} ready`,
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}:\n${this.logs()}`);
    }
  }

  /** Whether the app answers ready; throws once its process has exited. */
  private async ready(): Promise<boolean> {
    if (this.child.exitCode !== null)
      throw new Error(`${this.name} exited (${this.child.exitCode})`);
    return fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) })
      .then((response) => response.status === 200)
      .catch(() => false);
  }

  /** Sends the signal and waits for the process to end; returns its exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited!;
  }
}

export interface StartOptions {
  /** Extra environment; `undefined` leaves a variable this helper would set unset. */
  env?: Record<string, string | undefined>;
  waitUntilReady?: boolean;
  keepAllOutput?: boolean;
  onSpawn?: (app: RunningApp) => void;
}

export async function startApp(name: AppName, options: StartOptions = {}): Promise<RunningApp> {
  const run = e2eRun();
  const port = await freePort();
  const child = spawn(process.execPath, [join(DIST, `apps/${name}/src/main.js`)], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: run.databaseUrl,
      NATS_URL: run.natsUrl,
      NATS_SUBJECT_PREFIX: run.subjectPrefix,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_MS: '5000',
      // Tests reach the gateway from loopback and speak for many clients with X-Forwarded-For;
      // webhooks are on, as `npm start` and the chart have them.
      ...(name === 'gateway'
        ? {
            BOOTSTRAP_ADMIN_KEY: run.adminKey,
            TRUSTED_PROXIES: '127.0.0.1/32,::1/128',
            // One key for the whole run (its files share the database), secret like the admin key.
            WEBHOOK_SECRETS_KEY: createHash('sha256').update(run.adminKey).digest('base64'),
          }
        : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(child);
  child.once('exit', () => spawned.delete(child));
  const app = new RunningApp(name, port, child, options.keepAllOutput);
  options.onSpawn?.(app);
  if (options.waitUntilReady !== false) await app.waitUntilReady();
  return app;
}

/** Starts apps in order and stops them all (in reverse) in `afterAll`. */
export class AppSet {
  readonly apps: RunningApp[] = [];

  async start(name: AppName, options?: StartOptions): Promise<RunningApp> {
    return startApp(name, { ...options, onSpawn: (app) => this.apps.push(app) });
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.apps].reverse().map((app) => app.stop()));
  }
}
