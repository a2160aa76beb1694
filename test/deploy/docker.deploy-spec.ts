/**
 * Static checks of docker/: no Docker engine runs here, so the images are built only in GitHub CI
 * (ci.yml, job docker). What can be read without building is checked here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { APP_HTTP_PORTS } from '../../libs/config/src/app-ports';
import { appNames, readText, ROOT } from './support/tools';

type Obj = Record<string, unknown>;

const dockerfile = readText('docker', 'Dockerfile');
/** Instructions with their continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const stages = instructions.filter((l) => /^FROM /i.test(l));
const runtimeStart = instructions.findIndex((l) => /^FROM .* AS runtime$/i.test(l));
const runtime = instructions.slice(runtimeStart);

describe('docker/Dockerfile', () => {
  it('is multi-stage, on Node 24 slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(instructions.find((l) => l.startsWith('ARG NODE_IMAGE='))).toMatch(
      /^ARG NODE_IMAGE=node:24-[a-z]+-slim$/,
    );
    expect(runtimeStart).toBe(instructions.lastIndexOf(stages[stages.length - 1]));
  });

  it('installs with npm ci and BuildKit cache mounts, production dependencies only at runtime', () => {
    const installs = instructions.filter((l) => /npm ci/.test(l));
    expect(installs.length).toBeGreaterThanOrEqual(2);
    for (const line of installs) expect(line).toMatch(/--mount=type=cache,target=\/root\/\.npm/);
    expect(installs.some((l) => /--omit=dev/.test(l))).toBe(true);
    expect(runtime.some((l) => /COPY --from=prod-deps \/app\/node_modules/.test(l))).toBe(true);
    expect(instructions.some((l) => /^RUN npm run build$/.test(l))).toBe(true);
  });

  it('runs as a numeric non-root user under tini, with a HEALTHCHECK and OCI labels', () => {
    const user = runtime.filter((l) => l.startsWith('USER ')).pop();
    expect(user).toMatch(/^USER [1-9][0-9]*(:[1-9][0-9]*)?$/);
    expect(runtime).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(runtime.some((l) => /apt-get install .*\btini\b/.test(l))).toBe(true);
    const health = runtime.find((l) => l.startsWith('HEALTHCHECK'));
    expect(health).toMatch(/CMD \["node", "\/app\/healthcheck.js"\]/);
    const labels = runtime.filter((l) => l.startsWith('LABEL')).join(' ');
    for (const key of ['title', 'version', 'revision', 'created', 'source', 'licenses']) {
      expect(labels).toContain(`org.opencontainers.image.${key}=`);
    }
  });

  it("has a HEALTHCHECK that fetches /health/live on the app's port", () => {
    const script = readText('docker', 'healthcheck.js');
    expect(script).toMatch(/fetch\(`http:\/\/127\.0\.0\.1:\$\{port\}\/health\/live`/);
    expect(script).toContain("require('/app/dist/libs/config/src/app-ports.js')");
    expect(existsSync(join(ROOT, 'libs', 'config', 'src', 'app-ports.ts'))).toBe(true);
  });

  it.each(appNames())(
    'builds %s with --build-arg APP (its entry point compiles to dist/apps/<app>/src/main.js)',
    (app) => {
      expect(runtime).toContain('ARG APP');
      expect(runtime.join('\n')).toContain('ln -s "apps/${APP}/src/main.js" dist/main.js');
      expect(existsSync(join(ROOT, 'apps', app, 'src', 'main.ts'))).toBe(true);
    },
  );

  it('ships the migration runner in every image', () => {
    expect(existsSync(join(ROOT, 'tools', 'migrate.ts'))).toBe(true);
    expect(runtime).toContain('COPY --from=build /app/dist ./dist');
  });
});

describe('.dockerignore', () => {
  const rules = readText('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  /** Docker's rule: the last matching pattern wins (enough of it for these plain patterns). */
  const included = (path: string) => {
    let keep = true;
    for (const rule of rules) {
      const negate = rule.startsWith('!');
      const pattern = (negate ? rule.slice(1) : rule).replace(/\/$/, '');
      const re = new RegExp(
        '^' +
          pattern
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*\*\//g, '@@GLOBSTAR@@')
            .replace(/\*/g, '[^/]*')
            .replace(/@@GLOBSTAR@@/g, '(.*/)?') +
          '(/.*)?$',
      );
      if (re.test(path)) keep = negate;
    }
    return keep;
  };

  it('lets the build inputs through', () => {
    for (const path of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'libs/config/src/app-ports.ts',
      'tools/migrate.ts',
      'docker/healthcheck.js',
    ]) {
      expect({ path, included: included(path) }).toEqual({ path, included: true });
    }
    for (const app of appNames()) expect(included(`apps/${app}/src/main.ts`)).toBe(true);
  });

  it('keeps out local state, secrets and build output', () => {
    for (const path of [
      'node_modules/x/index.js',
      'dist/apps/gateway/src/main.js',
      '.data/pg/x',
      '.env',
      '.git/config',
      'helm/sales-suite/values.yaml',
      'apps/gateway/src/x.spec.ts',
    ]) {
      expect({ path, included: included(path) }).toEqual({ path, included: false });
    }
  });
});

describe('docker/compose.yaml', () => {
  const compose = parse(readText('docker', 'compose.yaml'), { merge: true }) as {
    services: Record<string, Obj>;
  };
  const services = compose.services;
  const infra = ['nats', 'postgres', 'migrate'];
  const observability = ['otel-collector', 'jaeger', 'prometheus', 'grafana'];
  const env = (name: string) => services[name].environment as Record<string, string | null>;

  it('runs exactly the apps in apps/, plus NATS, PostgreSQL, the migration and the observability profile', () => {
    const apps = Object.keys(services).filter(
      (s) => !infra.includes(s) && !observability.includes(s),
    );
    expect(apps.sort()).toEqual(appNames());
    for (const name of [...infra, ...observability]) expect(services[name]).toBeDefined();
    for (const name of observability) expect(services[name].profiles).toEqual(['observability']);
  });

  it('starts NATS with JetStream and migrates once before the apps', () => {
    expect(services.nats.command).toEqual(expect.arrayContaining(['-js']));
    expect(services.migrate.command).toEqual(['node', 'dist/tools/migrate.js']);
    expect(services.migrate.restart).toBe('no');
    expect(obj(services.migrate.depends_on).postgres).toEqual({ condition: 'service_healthy' });
  });

  it.each(appNames())('builds and configures %s like the chart does', (app) => {
    const svc = services[app];
    expect(obj(svc.build)).toEqual({
      context: '..',
      dockerfile: 'docker/Dockerfile',
      args: { APP: app },
    });
    expect(env(app).HTTP_PORT).toBe(String(APP_HTTP_PORTS[app as keyof typeof APP_HTTP_PORTS]));
    expect(env(app).OTEL_SERVICE_NAME).toBe(app);
    expect(env(app).DB_MIGRATIONS_RUN).toBe('false');
    expect(env(app).NATS_URL).toBe('nats://nats:4222');
    expect(obj(svc.depends_on).migrate).toEqual({ condition: 'service_completed_successfully' });
    expect(svc.read_only).toBe(true);
    expect(svc.cap_drop).toEqual(['ALL']);
    // Only the gateway is published; the services are reached over NATS.
    expect(Boolean(svc.ports)).toBe(app === 'gateway');
  });

  it('gives the pixel settings to the gateway and email-tracking, and the admin key to the gateway only', () => {
    for (const app of ['gateway', 'email-tracking']) {
      for (const name of ['PIXEL_SIGNING_KEYS', 'PIXEL_SIGNING_KEY_ID', 'PUBLIC_BASE_URL'])
        expect(env(app)[name]).toBeTruthy();
    }
    expect(env('gateway').BOOTSTRAP_ADMIN_KEY).toBeTruthy();
    for (const app of appNames().filter((a) => a !== 'gateway'))
      expect(env(app).BOOTSTRAP_ADMIN_KEY).toBeUndefined();
  });

  it('mounts observability config files that exist, and scrapes every app on its port', () => {
    for (const name of observability) {
      for (const volume of (services[name].volumes as string[] | undefined) ?? []) {
        const source = volume.split(':')[0];
        expect({ volume, exists: existsSync(join(ROOT, 'docker', source)) }).toEqual({
          volume,
          exists: true,
        });
      }
    }
    const prometheus = parse(readText('docker', 'observability', 'prometheus.yml')) as {
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    const job = prometheus.scrape_configs.find((j) => j.job_name === 'sales-suite');
    const targets = job?.static_configs.flatMap((c) => c.targets).sort();
    expect(targets).toEqual(
      appNames()
        .map((a) => `${a}:${APP_HTTP_PORTS[a as keyof typeof APP_HTTP_PORTS]}`)
        .sort(),
    );
    const dashboard = JSON.parse(
      readText('docker', 'observability', 'grafana', 'dashboards', 'sales-suite.json'),
    ) as { panels: unknown[] };
    expect(dashboard.panels.length).toBeGreaterThan(0);
  });
});

function obj(value: unknown): Obj {
  return (value ?? {}) as Obj;
}
