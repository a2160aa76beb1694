import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { APP_HTTP_PORTS } from '../../libs/config/src/app-ports';
import { appNames, CHART_DIR, FIXTURES, readText, run } from './support/tools';

type Values = Record<string, unknown>;

function isObject(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Helm's coalescing of a values file over the chart's values.yaml: maps merge, null deletes. */
function coalesce(base: Values, override: Values): Values {
  const out: Values = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete out[key];
    else if (isObject(value) && isObject(out[key])) out[key] = coalesce(out[key] as Values, value);
    else out[key] = value;
  }
  return out;
}

function loadYaml(path: string): Values {
  return (parse(readFileSync(path, 'utf8')) ?? {}) as Values;
}

const chartValues = parse(readText('helm', 'sales-suite', 'values.yaml')) as Values;
const schema = JSON.parse(readText('helm', 'sales-suite', 'values.schema.json')) as Values;
const ciFiles = readdirSync(join(CHART_DIR, 'ci')).filter((f) => f.endsWith('.yaml'));

function errorsOf(validate: ValidateFunction, values: Values): string[] {
  validate(values);
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`,
  );
}

describe('values.schema.json', () => {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  const validate = ajv.compile(schema);

  it('closes every object of the values with additionalProperties: false', () => {
    expect(schema.additionalProperties).toBe(false);
    const services = (schema.definitions as Values).service as Values;
    expect(services.additionalProperties).toBe(false);
  });

  it('accepts values.yaml', () => {
    expect(errorsOf(validate, chartValues)).toEqual([]);
  });

  it('has example values files under ci/', () => {
    expect(ciFiles).toEqual(
      expect.arrayContaining(['default-values.yaml', 'production-values.yaml']),
    );
  });

  it.each(ciFiles)('accepts ci/%s over values.yaml', (file) => {
    const values = coalesce(chartValues, loadYaml(join(CHART_DIR, 'ci', file)));
    expect(errorsOf(validate, values)).toEqual([]);
  });

  it('rejects the deliberately broken fixtures/bad-values.yaml, naming each mistake', () => {
    const values = coalesce(chartValues, loadYaml(join(FIXTURES, 'bad-values.yaml')));
    const errors = errorsOf(validate, values).join('\n');
    // A misspelt service, a port given as a string, a root container and a missing request.
    expect(errors).toMatch(/\/services must NOT have additional properties/);
    expect(errors).toMatch(/\/services\/glossary\/port must be integer/);
    expect(errors).toMatch(/\/securityContext\/runAsNonRoot must be equal to constant/);
    expect(errors).toMatch(
      /\/services\/lead-funnel\/resources\/requests must have required property 'memory'/,
    );
    expect(errors).toMatch(/\/config\/logLevel must be equal to one of the allowed values/);
  });

  // Cluster settings: each override over values.yaml, and the error the schema must give for it.
  it.each<[string, Values, RegExp]>([
    [
      'an HPA that may scale an app down to 1 replica',
      { services: { gateway: { autoscaling: { minReplicas: 1 } } } },
      /\/services\/gateway\/autoscaling\/minReplicas must be >= 2/,
    ],
    [
      'a disruption budget that lets no pod go (maxUnavailable: 0)',
      { services: { glossary: { pdb: { maxUnavailable: 0 } } } },
      /\/services\/glossary\/pdb\/maxUnavailable must match exactly one schema in oneOf/,
    ],
    [
      "a disruption budget that lets no pod go (maxUnavailable: '0%')",
      { services: { glossary: { pdb: { maxUnavailable: '0%' } } } },
      /\/services\/glossary\/pdb\/maxUnavailable must match exactly one schema in oneOf/,
    ],
    [
      'more stream replicas than JetStream allows',
      { nats: { streamReplicas: 6 } },
      /\/nats\/streamReplicas must be <= 5/,
    ],
    ['no NATS URL', { nats: { urls: [] } }, /\/nats\/urls must NOT have fewer than 1 items/],
    [
      'two NATS URLs in one list entry',
      { nats: { urls: ['nats://a:4222,nats://b:4222'] } },
      /\/nats\/urls\/0 must match pattern/,
    ],
    [
      'a REPLICA_ID of its own for an app',
      { services: { glossary: { env: { REPLICA_ID: 'glossary-1' } } } },
      /\/services\/glossary\/env property name must be valid/,
    ],
    [
      'a stream replica count for one app only',
      { services: { 'lead-funnel': { extraEnv: [{ name: 'NATS_STREAM_REPLICAS', value: '1' }] } } },
      /\/services\/lead-funnel\/extraEnv\/0\/name must NOT be valid/,
    ],
    [
      'a trusted proxy that is not an address or CIDR',
      { config: { gateway: { trustedProxies: ['ingress-nginx'] } } },
      /\/config\/gateway\/trustedProxies\/0 must match pattern/,
    ],
    [
      'trusted proxies as one comma-separated string',
      { config: { gateway: { trustedProxies: '10.0.0.0/8,fd00::/8' } } },
      /\/config\/gateway\/trustedProxies must be array/,
    ],
  ])('refuses %s', (_what, override, error) => {
    const errors = errorsOf(validate, coalesce(chartValues, override));
    expect(errors.join('\n')).toMatch(error);
  });

  it.each<[string, Values]>([
    ['a single NATS server', { nats: { urls: ['nats://nats:4222'], streamReplicas: 1 } }],
    [
      'the single-value NATS URL of earlier chart versions',
      { config: { natsUrl: 'nats://nats:4222' } },
    ],
    ['one replica without an HPA (development)', { services: { glossary: { replicaCount: 1 } } }],
    ['a budget as a percentage', { services: { gateway: { pdb: { minAvailable: '50%' } } } }],
    [
      'no trusted proxy (nothing in front of the gateway)',
      { config: { gateway: { trustedProxies: [] } } },
    ],
  ])('accepts %s', (_what, override) => {
    expect(errorsOf(validate, coalesce(chartValues, override))).toEqual([]);
  });

  it('accepts the fixtures that only the renderer or kubeconform can refuse', () => {
    for (const file of ['bad-grace-values.yaml', 'bad-manifest-values.yaml']) {
      const values = coalesce(chartValues, loadYaml(join(FIXTURES, file)));
      expect({ file, errors: errorsOf(validate, values) }).toEqual({ file, errors: [] });
    }
  });
});

describe('values.yaml matches the apps', () => {
  const services = chartValues.services as Record<string, Values>;

  it('has one block per folder in apps/, and no other', () => {
    expect(Object.keys(services).sort()).toEqual(appNames());
  });

  it('gives each app the HTTP port the app itself defaults to (APP_HTTP_PORTS)', () => {
    const chartPorts = Object.fromEntries(
      Object.entries(services).map(([app, svc]) => [app, svc.port]),
    );
    expect(chartPorts).toEqual({ ...APP_HTTP_PORTS });
    // The table the conventions were written from, so that a change of either is noticed.
    expect(chartPorts).toEqual({
      gateway: 3000,
      glossary: 3001,
      'crm-enrichment': 3002,
      'lead-funnel': 3003,
      'email-tracking': 3004,
    });
  });

  it('hands secrets out by least privilege', () => {
    const secretEnv = (app: string) => services[app].secretEnv as string[];
    for (const app of Object.keys(services)) {
      expect(secretEnv(app)).toEqual(
        expect.arrayContaining(['DATABASE_URL', 'NATS_USER', 'NATS_PASSWORD']),
      );
    }
    expect(secretEnv('gateway')).toEqual(
      expect.arrayContaining(['BOOTSTRAP_ADMIN_KEY', 'PIXEL_SIGNING_KEYS']),
    );
    expect(secretEnv('email-tracking')).toContain('PIXEL_SIGNING_KEYS');
    const others = Object.keys(services).filter((a) => a !== 'gateway');
    for (const app of others) expect(secretEnv(app)).not.toContain('BOOTSTRAP_ADMIN_KEY');
  });
});

describe('chart README', () => {
  it('is generated from the annotated values.yaml and up to date', () => {
    const res = run(process.execPath, ['helm/chart-readme.mjs', '--check']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
  });

  it('documents every leaf value (a `# --` comment on it or on a parent)', () => {
    const text = readText('helm', 'sales-suite', 'README.md');
    const documented = [...text.matchAll(/^\| ([^|]+?) +\|/gm)].map((m) => m[1].trim());
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (documented.includes(path)) return;
      if (isObject(node) && Object.keys(node).length > 0) {
        for (const [key, value] of Object.entries(node)) walk(value, path ? `${path}.${key}` : key);
      } else {
        missing.push(path);
      }
    };
    walk(chartValues, '');
    expect(missing).toEqual([]);
  });
});
