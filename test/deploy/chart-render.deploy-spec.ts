import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { APP_HTTP_PORTS } from '../../libs/config/src/app-ports';
import {
  appNames,
  CHART_DIR,
  FIXTURES,
  findTool,
  helmTemplate,
  itWhen,
  K8sObject,
  KUBE_VERSIONS,
  kubeconform,
  kubeSchemaDir,
  parseManifests,
  run,
} from './support/tools';

/* Rendered manifests are plain JSON trees: these narrow them for the checks below. */
type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (value ?? {}) as Obj;
const list = (value: unknown): Obj[] => (value ?? []) as Obj[];

const helm = findTool('helm');
const kubeconformBin = findTool('kubeconform');
const schemaDirs = KUBE_VERSIONS.map((v) => [v, kubeSchemaDir(v)] as const);

const VALUE_SETS = {
  default: [join(CHART_DIR, 'ci', 'default-values.yaml')],
  production: [join(CHART_DIR, 'ci', 'production-values.yaml')],
};
/** NATS_URL each value set must give the apps: its NATS seed list, joined with commas. */
const NATS_URL_OF: Record<keyof typeof VALUE_SETS, string> = {
  default:
    'nats://nats-0.nats-headless:4222,nats://nats-1.nats-headless:4222,nats://nats-2.nats-headless:4222',
  production:
    'nats://nats-0.nats-headless.messaging:4222,nats://nats-1.nats-headless.messaging:4222,' +
    'nats://nats-2.nats-headless.messaging:4222',
};

/** Every variable an app may receive, from the apps' conventions. */
const COMMON_ENV = [
  'DATABASE_URL',
  'NATS_URL',
  'NATS_USER',
  'NATS_PASSWORD',
  'NATS_SUBJECT_PREFIX',
  'HTTP_PORT',
  'HTTP_HOST',
  'LOG_LEVEL',
  'DB_MIGRATIONS_RUN',
  'SHUTDOWN_GRACE_MS',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_SERVICE_NAME',
  'NATS_STREAM_REPLICAS',
  'REPLICA_ID',
  'NODE_ENV',
];
const GATEWAY_ENV = [
  'BOOTSTRAP_ADMIN_KEY',
  'PIXEL_HTTP_PORT',
  'NATS_REQUEST_TIMEOUT_MS',
  'RATE_LIMIT_PER_MINUTE',
  'BODY_LIMIT_BYTES',
  'AUTH_FAILURES_PER_MINUTE',
  'TRUSTED_PROXIES',
  'PUBLIC_BASE_URL',
  'PIXEL_SIGNING_KEYS',
  'PIXEL_SIGNING_KEY_ID',
  'WEBHOOK_SECRETS_KEY',
];
const PIXEL_ENV = ['PIXEL_SIGNING_KEYS', 'PIXEL_SIGNING_KEY_ID', 'PUBLIC_BASE_URL'];

function render(valueFiles: string[]): { text: string; objects: K8sObject[] } {
  const res = helmTemplate(helm as string, valueFiles);
  if (res.status !== 0) throw new Error(`helm template failed:\n${res.stderr}`);
  return { text: res.stdout, objects: parseManifests(res.stdout) };
}

/** Values written to a temporary file, for the cases that need no fixture of their own. */
const tmpValuesDir = mkdtempSync(join(tmpdir(), 'sales-suite-chart-'));
afterAll(() => rmSync(tmpValuesDir, { recursive: true, force: true }));
let tmpValuesCount = 0;
function valuesFile(values: Obj): string {
  const file = join(tmpValuesDir, `values-${++tmpValuesCount}.yaml`);
  writeFileSync(file, stringify(values));
  return file;
}

/**
 * Pods a PodDisruptionBudget lets Kubernetes evict at once when the app runs `replicas` pods, as the
 * disruption controller counts them (percentages rounded up).
 */
function evictable(spec: Obj, replicas: number): number {
  const count = (v: unknown) =>
    typeof v === 'string' ? Math.ceil((parseInt(v, 10) * replicas) / 100) : Number(v);
  if (spec.minAvailable !== undefined) return replicas - count(spec.minAvailable);
  return Math.min(replicas, count(spec.maxUnavailable));
}

const byKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const component = (o: K8sObject) => o.metadata.labels?.['app.kubernetes.io/component'];
const podSpec = (d: K8sObject) => obj(obj(obj(d.spec).template).spec);

/** The fewest pods a Deployment runs: its HPA's minimum, else its fixed replica count. */
function fewestReplicas(objects: K8sObject[], deployment: K8sObject): number {
  const hpa = byKind(objects, 'HorizontalPodAutoscaler').find(
    (h) => obj(obj(h.spec).scaleTargetRef).name === deployment.metadata.name,
  );
  return Number(hpa ? obj(hpa.spec).minReplicas : obj(deployment.spec).replicas);
}

describe('helm lint --strict', () => {
  itWhen(helm, 'helm')('passes on the chart with values.yaml alone', () => {
    const res = run(helm as string, ['lint', '--strict', CHART_DIR]);
    expect(res.stdout + res.stderr).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    expect(res.status).toBe(0);
  });

  itWhen(helm, 'helm').each(Object.keys(VALUE_SETS))('passes with ci/%s-values.yaml', (set) => {
    const files = VALUE_SETS[set as keyof typeof VALUE_SETS];
    const res = run(helm as string, [
      'lint',
      '--strict',
      CHART_DIR,
      ...files.flatMap((f) => ['--values', f]),
    ]);
    expect(res.status).toBe(0);
  });

  itWhen(helm, 'helm')('fails on the deliberately broken values file', () => {
    const res = run(helm as string, [
      'lint',
      '--strict',
      CHART_DIR,
      '--values',
      join(FIXTURES, 'bad-values.yaml'),
    ]);
    expect(res.status).not.toBe(0);
    expect(res.stdout + res.stderr).toMatch(/additional properties 'gatway' not allowed/);
  });
});

describe.each(Object.entries(VALUE_SETS))('helm template with %s values', (set, files) => {
  let objects: K8sObject[] = [];
  let text = '';
  beforeAll(() => {
    if (helm) ({ objects, text } = render(files));
  });
  const itHelm = itWhen(helm, 'helm');

  for (const [version, dir] of schemaDirs) {
    itWhen(helm && kubeconformBin && dir, `kubeconform and Kubernetes ${version} schemas`)(
      `every manifest is valid for Kubernetes ${version} (kubeconform -strict)`,
      () => {
        const res = kubeconform(kubeconformBin as string, dir as string, text);
        expect(res.stdout).toMatch(/Invalid: 0, Errors: 0, Skipped: 0/);
        expect(res.status).toBe(0);
      },
    );
  }

  itHelm('renders one Deployment and one Service per app in apps/', () => {
    expect(byKind(objects, 'Deployment').map(component).sort()).toEqual(appNames());
    expect(byKind(objects, 'Service').map(component).sort()).toEqual(appNames());
  });

  itHelm('gives every Deployment probes on the health endpoints, on the app port', () => {
    for (const d of byKind(objects, 'Deployment')) {
      const app = component(d) as keyof typeof APP_HTTP_PORTS;
      for (const c of list(podSpec(d).containers)) {
        const port = list(c.ports).find((p) => p.name === 'http');
        expect({ app, port: port?.containerPort }).toEqual({ app, port: APP_HTTP_PORTS[app] });
        const probe = (name: string) => obj(obj(c[name]).httpGet);
        expect({
          app,
          startup: probe('startupProbe'),
          live: probe('livenessProbe'),
          ready: probe('readinessProbe'),
        }).toEqual({
          app,
          startup: { path: '/health/live', port: 'http' },
          live: { path: '/health/live', port: 'http' },
          ready: { path: '/health/ready', port: 'http' },
        });
      }
    }
  });

  itHelm('gives every container resources and a locked-down security context', () => {
    const workloads = [...byKind(objects, 'Deployment'), ...byKind(objects, 'Job')];
    const pods = [...workloads.map(podSpec), ...byKind(objects, 'Pod').map((p) => obj(p.spec))];
    expect(pods.length).toBe(appNames().length + 2); // the apps, the migration Job, the test pod
    for (const pod of pods) {
      const podSc = obj(pod.securityContext);
      expect(podSc.runAsNonRoot).toBe(true);
      expect(obj(podSc.seccompProfile).type).toBe('RuntimeDefault');
      for (const c of list(pod.containers)) {
        const sc = obj(c.securityContext);
        expect(sc).toMatchObject({
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
        });
        expect(obj(sc.capabilities).drop).toContain('ALL');
        expect(obj(sc.seccompProfile).type).toBe('RuntimeDefault');
        const resources = obj(c.resources);
        expect(obj(resources.requests)).toEqual(
          expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }),
        );
        expect(obj(resources.limits).memory).toBeDefined();
      }
    }
  });

  itHelm('waits longer than the NATS drain before SIGKILL', () => {
    const config = byKind(objects, 'ConfigMap')[0];
    const drainMs = Number(config.data?.SHUTDOWN_GRACE_MS);
    expect(drainMs).toBeGreaterThan(0);
    for (const d of byKind(objects, 'Deployment')) {
      const pod = podSpec(d);
      const container = list(pod.containers)[0];
      const preStop =
        (obj(obj(obj(container.lifecycle).preStop).exec).command as string[] | undefined) ?? [];
      const preStopMs = preStop.length ? Number(preStop[preStop.length - 1]) * 1000 : 0;
      expect(Number(pod.terminationGracePeriodSeconds) * 1000).toBeGreaterThan(drainMs + preStopMs);
    }
  });

  itHelm(
    "spreads each app's replicas over nodes and zones, preferring rather than requiring",
    () => {
      for (const d of byKind(objects, 'Deployment')) {
        const app = component(d);
        const pod = podSpec(d);
        const ownPods = (selector: unknown) =>
          obj(obj(selector).matchLabels)['app.kubernetes.io/component'] === app;
        const spread = list(pod.topologySpreadConstraints);
        expect(spread.map((t) => t.topologyKey)).toEqual([
          'topology.kubernetes.io/zone',
          'kubernetes.io/hostname',
        ]);
        for (const t of spread) {
          expect({ app, ownPods: ownPods(t.labelSelector), maxSkew: t.maxSkew }).toEqual({
            app,
            ownPods: true,
            maxSkew: 1,
          });
          // production-values.yaml requires the spread on purpose; the chart's default only prefers it.
          expect(t.whenUnsatisfiable).toBe(
            set === 'production' ? 'DoNotSchedule' : 'ScheduleAnyway',
          );
        }
        const antiAffinity = obj(obj(pod.affinity).podAntiAffinity);
        expect(Object.keys(antiAffinity)).toEqual([
          'preferredDuringSchedulingIgnoredDuringExecution',
        ]);
        const preferred = list(antiAffinity.preferredDuringSchedulingIgnoredDuringExecution).map(
          (t) => ({
            key: obj(t.podAffinityTerm).topologyKey,
            weight: t.weight,
            ownPods: ownPods(obj(t.podAffinityTerm).labelSelector),
          }),
        );
        expect({ app, preferred }).toEqual({
          app,
          preferred: [
            { key: 'kubernetes.io/hostname', weight: 100, ownPods: true },
            { key: 'topology.kubernetes.io/zone', weight: 50, ownPods: true },
          ],
        });
      }
    },
  );

  itHelm(
    'gives every app the NATS seed list, the stream replicas and its pod name as REPLICA_ID',
    () => {
      const config = byKind(objects, 'ConfigMap')[0];
      expect(config.data?.NATS_URL).toBe(NATS_URL_OF[set as keyof typeof VALUE_SETS]);
      expect(config.data?.NATS_STREAM_REPLICAS).toBe('3');
      for (const d of byKind(objects, 'Deployment')) {
        const c = list(podSpec(d).containers)[0];
        const fromConfigMaps = list(c.envFrom).map((e) => obj(e.configMapRef).name);
        expect({ app: component(d), fromConfigMaps }).toEqual({
          app: component(d),
          fromConfigMaps: [config.metadata.name],
        });
        expect(list(c.env).filter((e) => e.name === 'REPLICA_ID')).toEqual([
          { name: 'REPLICA_ID', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        ]);
      }
    },
  );

  itHelm('hands each app only the environment variables of the conventions', () => {
    const config = byKind(objects, 'ConfigMap')[0];
    expect(config.data?.DB_MIGRATIONS_RUN).toBe('false');
    for (const d of byKind(objects, 'Deployment')) {
      const app = component(d) as keyof typeof APP_HTTP_PORTS;
      const c = list(podSpec(d).containers)[0];
      const env = list(c.env);
      const own = env.map((e) => e.name as string);
      const names = new Set([...own, ...Object.keys(config.data ?? {})]);
      expect(env.find((e) => e.name === 'HTTP_PORT')?.value).toBe(String(APP_HTTP_PORTS[app]));
      expect(env.find((e) => e.name === 'OTEL_SERVICE_NAME')?.value).toBe(app);
      // Extra variables that values add on purpose are not conventions: only check the chart's own.
      const chartSet = own.filter((n) => !['NODE_OPTIONS', 'CRM_API_TOKEN'].includes(n));
      for (const name of chartSet) expect([...COMMON_ENV, ...GATEWAY_ENV]).toContain(name);
      for (const name of COMMON_ENV.filter((n) => n !== 'OTEL_EXPORTER_OTLP_ENDPOINT')) {
        expect({ app, name, present: names.has(name) }).toEqual({ app, name, present: true });
      }
      const secretKeys = env.filter((e) => obj(e.valueFrom).secretKeyRef).map((e) => e.name);
      if (app === 'gateway')
        expect(secretKeys).toEqual(
          expect.arrayContaining(['BOOTSTRAP_ADMIN_KEY', 'PIXEL_SIGNING_KEYS']),
        );
      else expect(secretKeys).not.toContain('BOOTSTRAP_ADMIN_KEY');
      if (app === 'email-tracking')
        for (const name of PIXEL_ENV) expect(names.has(name)).toBe(true);
      else if (app !== 'gateway') expect(secretKeys).not.toContain('PIXEL_SIGNING_KEYS');
    }
  });

  itHelm('runs every app on at least 2 replicas, autoscaled with autoscaling/v2', () => {
    const hpas = byKind(objects, 'HorizontalPodAutoscaler');
    expect(hpas.length).toBeGreaterThan(0);
    for (const hpa of hpas) {
      expect(hpa.apiVersion).toBe('autoscaling/v2');
      const spec = obj(hpa.spec);
      const target = byKind(objects, 'Deployment').find(
        (d) => d.metadata.name === obj(spec.scaleTargetRef).name,
      );
      expect(target).toBeDefined();
      expect(obj(target?.spec).replicas).toBeUndefined(); // the HPA owns the replica count
      expect(spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(spec.maxReplicas).toBeGreaterThanOrEqual(spec.minReplicas as number);
    }
    for (const d of byKind(objects, 'Deployment')) {
      const fewest = fewestReplicas(objects, d);
      expect({ app: component(d), atLeastTwo: fewest >= 2 }).toEqual({
        app: component(d),
        atLeastTwo: true,
      });
    }
  });

  itHelm('gives every app a disruption budget that always lets a drain evict one pod', () => {
    const pdbs = byKind(objects, 'PodDisruptionBudget');
    expect(pdbs.map(component).sort()).toEqual(appNames());
    for (const pdb of pdbs) {
      const spec = obj(pdb.spec);
      const d = byKind(objects, 'Deployment').find((x) => component(x) === component(pdb))!;
      const fewest = fewestReplicas(objects, d);
      // At the fewest replicas a drain may evict at least one pod, and never all of them at once.
      const atFewest = evictable(spec, fewest);
      expect({
        app: component(pdb),
        fewest,
        drainable: atFewest >= 1 && atFewest < fewest,
      }).toEqual({ app: component(pdb), fewest, drainable: true });
      expect(spec.unhealthyPodEvictionPolicy).toBe('AlwaysAllow');
      expect(obj(spec.selector).matchLabels).toEqual(obj(obj(d.spec).selector).matchLabels);
      if (set === 'default') expect(spec).toMatchObject({ maxUnavailable: 1 });
    }
  });

  itHelm(
    'lets only the gateway take client traffic; services reach only DNS, NATS, PostgreSQL, OTLP',
    () => {
      const policies = byKind(objects, 'NetworkPolicy');
      expect(policies.map(component).sort()).toEqual([...appNames(), 'migration', 'test'].sort());
      for (const policy of policies.filter((p) => appNames().includes(component(p) as string))) {
        const spec = obj(policy.spec);
        expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
        const clientRules = list(spec.ingress).filter((rule) =>
          list(rule.from).some(
            (peer) =>
              obj(obj(peer.podSelector).matchLabels)['app.kubernetes.io/component'] === 'test',
          ),
        );
        expect({ app: component(policy), public: clientRules.length > 0 }).toEqual({
          app: component(policy),
          public: component(policy) === 'gateway',
        });
        const egressPorts = list(spec.egress).flatMap((rule) =>
          list(rule.ports).map((p) => p.port),
        );
        for (const port of egressPorts) expect([53, 4222, 5432, 4318]).toContain(port);
      }
      for (const ingress of byKind(objects, 'Ingress')) {
        const backends = list(obj(ingress.spec).rules).flatMap((r) =>
          list(obj(r.http).paths).map((p) => ({
            path: p.path,
            service: obj(obj(p.backend).service).name,
          })),
        );
        expect(new Set(backends.map((b) => b.service))).toEqual(new Set(['sales-suite-gateway']));
        expect(backends.map((b) => b.path)).toEqual(expect.arrayContaining(['/v1', '/t/']));
      }
    },
  );

  itHelm(
    "serves the tracking pixel from the gateway's own listener, routed from the Ingress",
    () => {
      const pixelPortOf = (ports: Obj[]) => ports.find((p) => p.name === 'pixel');
      for (const d of byKind(objects, 'Deployment')) {
        const c = list(podSpec(d).containers)[0];
        const env = list(c.env).find((e) => e.name === 'PIXEL_HTTP_PORT');
        if (component(d) === 'gateway') {
          expect(pixelPortOf(list(c.ports))?.containerPort).toBe(3010);
          expect(env?.value).toBe('3010');
        } else {
          expect(pixelPortOf(list(c.ports))).toBeUndefined();
          expect(env).toBeUndefined();
        }
      }
      const service = byKind(objects, 'Service').find((s) => component(s) === 'gateway')!;
      expect(pixelPortOf(list(obj(service.spec).ports))).toMatchObject({
        port: 3010,
        targetPort: 'pixel',
      });
      const gatewayPolicy = byKind(objects, 'NetworkPolicy').find(
        (p) => component(p) === 'gateway',
      );
      if (gatewayPolicy) {
        const ports = list(obj(gatewayPolicy.spec).ingress).flatMap((rule) =>
          list(rule.ports).map((p) => p.port),
        );
        expect(ports).toEqual(expect.arrayContaining(['http', 'pixel']));
      }
      for (const ingress of byKind(objects, 'Ingress')) {
        const routes = list(obj(ingress.spec).rules).flatMap((r) =>
          list(obj(r.http).paths).map((p) => [p.path, obj(obj(obj(p.backend).service).port).name]),
        );
        expect(routes).toEqual(
          expect.arrayContaining([
            ['/v1', 'http'],
            ['/t/', 'pixel'],
          ]),
        );
      }
    },
  );

  itHelm('migrates in a pre-install/pre-upgrade Job after its Secret exists', () => {
    const [job] = byKind(objects, 'Job');
    expect(job.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    const c = list(podSpec(job).containers)[0];
    expect(c.command).toEqual(['node', 'dist/tools/migrate.js']);
    const secret = byKind(objects, 'Secret')[0];
    if (secret) {
      expect(secret.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
      expect(Number(secret.metadata.annotations?.['helm.sh/hook-weight'])).toBeLessThan(
        Number(job.metadata.annotations?.['helm.sh/hook-weight']),
      );
      expect(Object.keys(secret.stringData ?? {})).toEqual(
        expect.arrayContaining(['DATABASE_URL', 'BOOTSTRAP_ADMIN_KEY', 'PIXEL_SIGNING_KEYS']),
      );
    } else {
      expect(set).toBe('production'); // production-values uses an existing Secret
    }
  });

  itHelm('has a helm test pod that calls the gateway health and one API route', () => {
    const [pod] = byKind(objects, 'Pod');
    expect(pod.metadata.annotations?.['helm.sh/hook']).toBe('test');
    const c = list(obj(pod.spec).containers)[0];
    expect((c.command as string[]).join('\n')).toContain("'/health/ready'");
    expect(list(c.env).find((e) => e.name === 'API_PATH')?.value).toBe(
      '/v1/glossary/terms/sales-champion',
    );
    expect(list(c.env).find((e) => e.name === 'GATEWAY_URL')?.value).toBe(
      'http://sales-suite-gateway:3000',
    );
  });

  if (set === 'production') {
    itHelm('adds the ServiceMonitor, the TLS Ingress and the existing Secret', () => {
      expect(byKind(objects, 'ServiceMonitor')).toHaveLength(1);
      expect(list(obj(byKind(objects, 'Ingress')[0].spec).tls)).toHaveLength(1);
      expect(byKind(objects, 'Secret')).toHaveLength(0);
    });
  }
});

describe('helm template without the pixel listener', () => {
  itWhen(helm, 'helm')('serves /t/ on the API port and opens no pixel port', () => {
    const { objects } = render([
      ...VALUE_SETS.default,
      join(FIXTURES, 'no-pixel-port-values.yaml'),
    ]);
    const gateway = byKind(objects, 'Deployment').find((d) => component(d) === 'gateway')!;
    const c = list(podSpec(gateway).containers)[0];
    expect(list(c.ports).map((p) => p.name)).toEqual(['http']);
    expect(list(c.env).map((e) => e.name)).not.toContain('PIXEL_HTTP_PORT');
    const [ingress] = byKind(objects, 'Ingress');
    const ports = list(obj(ingress.spec).rules).flatMap((r) =>
      list(obj(r.http).paths).map((p) => obj(obj(obj(p.backend).service).port).name),
    );
    expect(new Set(ports)).toEqual(new Set(['http']));
  });
});

describe('helm template with other replica and NATS settings', () => {
  const databaseUrl = { secrets: { databaseUrl: 'postgres://u:p@db:5432/sales_suite' } };
  const renderWith = (values: Obj) => render([valuesFile({ ...databaseUrl, ...values })]);
  const configOf = (objects: K8sObject[]) => byKind(objects, 'ConfigMap')[0].data ?? {};
  const itHelm = itWhen(helm, 'helm');

  itHelm('keeps the single-value config.natsUrl of earlier chart versions working', () => {
    const { objects } = renderWith({ config: { natsUrl: 'nats://nats:4222' } });
    expect(configOf(objects).NATS_URL).toBe('nats://nats:4222');
  });

  itHelm(
    'trusts X-Forwarded-For from the private ranges by default, or from the listed proxies',
    () => {
      expect(configOf(renderWith({}).objects)).toMatchObject({
        TRUSTED_PROXIES: '10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10,fd00::/8',
        AUTH_FAILURES_PER_MINUTE: '20',
      });
      const { objects } = renderWith({
        config: { gateway: { trustedProxies: ['10.244.0.0/16'], authFailuresPerMinute: 5 } },
      });
      expect(configOf(objects)).toMatchObject({
        TRUSTED_PROXIES: '10.244.0.0/16',
        AUTH_FAILURES_PER_MINUTE: '5',
      });
      expect(
        configOf(renderWith({ config: { gateway: { trustedProxies: [] } } }).objects),
      ).toMatchObject({
        TRUSTED_PROXIES: '',
      });
    },
  );

  itHelm('runs against a single NATS server with one stream replica', () => {
    const { objects } = renderWith({ nats: { urls: ['nats://nats:4222'], streamReplicas: 1 } });
    expect(configOf(objects)).toMatchObject({
      NATS_URL: 'nats://nats:4222',
      NATS_STREAM_REPLICAS: '1',
    });
  });

  itHelm('renders no disruption budget for an app on a single replica without an HPA', () => {
    const { objects } = renderWith({
      services: {
        gateway: { replicaCount: 1, autoscaling: { enabled: false } },
        glossary: { replicaCount: 1 },
      },
    });
    const replicasOf = (app: string) =>
      obj(byKind(objects, 'Deployment').find((d) => component(d) === app)?.spec).replicas;
    expect([replicasOf('gateway'), replicasOf('glossary')]).toEqual([1, 1]);
    expect(byKind(objects, 'PodDisruptionBudget').map(component).sort()).toEqual(
      appNames().filter((app) => !['gateway', 'glossary'].includes(app)),
    );
  });

  itHelm("keeps an app's own pod anti-affinity, and adds none when turned off", () => {
    const own = {
      requiredDuringSchedulingIgnoredDuringExecution: [
        {
          topologyKey: 'kubernetes.io/hostname',
          labelSelector: { matchLabels: { 'app.kubernetes.io/component': 'gateway' } },
        },
      ],
    };
    const withOwn = renderWith({ services: { gateway: { affinity: { podAntiAffinity: own } } } });
    const affinityOf = (objects: K8sObject[], app: string) =>
      podSpec(byKind(objects, 'Deployment').find((d) => component(d) === app)!).affinity;
    expect(affinityOf(withOwn.objects, 'gateway')).toEqual({ podAntiAffinity: own });
    expect(obj(affinityOf(withOwn.objects, 'glossary')).podAntiAffinity).toBeDefined();
    const off = renderWith({ podAntiAffinity: { enabled: false } });
    for (const d of byKind(off.objects, 'Deployment')) expect(podSpec(d).affinity).toBeUndefined();
  });

  itHelm('accepts a minAvailable that still leaves a pod evictable', () => {
    const { objects } = renderWith({
      services: {
        gateway: { pdb: { minAvailable: '50%' } },
        glossary: { replicaCount: 3, pdb: { minAvailable: 2 } },
      },
    });
    const specOf = (app: string) =>
      obj(byKind(objects, 'PodDisruptionBudget').find((p) => component(p) === app)?.spec);
    expect(specOf('gateway').minAvailable).toBe('50%');
    expect(specOf('gateway')).not.toHaveProperty('maxUnavailable');
    expect(specOf('glossary').minAvailable).toBe(2);
  });

  itHelm.each<[string, Obj, RegExp]>([
    [
      'a minAvailable equal to the replica count',
      { services: { glossary: { pdb: { minAvailable: 2 } } } },
      /services\.glossary\.pdb\.minAvailable \(2\) keeps all of its 2 replicas/,
    ],
    [
      'a minAvailable of 100% of the HPA minimum',
      { services: { gateway: { pdb: { minAvailable: '100%' } } } },
      /services\.gateway\.pdb\.minAvailable \(100%\) keeps all of its 2 replicas/,
    ],
    [
      'a minAvailable of 60% of 2 replicas (rounded up to 2)',
      { services: { glossary: { pdb: { minAvailable: '60%' } } } },
      /services\.glossary\.pdb\.minAvailable \(60%\) keeps all of its 2 replicas/,
    ],
    [
      'an HPA whose maximum is below its minimum',
      { services: { gateway: { autoscaling: { minReplicas: 4, maxReplicas: 3 } } } },
      /services\.gateway\.autoscaling\.maxReplicas \(3\) is below minReplicas \(4\)/,
    ],
    [
      'a NATS URL on a port the NetworkPolicy keeps closed',
      { nats: { urls: ['nats://nats-0.nats-headless:4222', 'nats://nats-1.nats-headless:4223'] } },
      /NATS URL nats:\/\/nats-1\.nats-headless:4223 uses port 4223, but the NetworkPolicy opens only networkPolicy\.nats\.port \(4222\)/,
    ],
    [
      'a NATS URL without a port (4222) when the NetworkPolicy opens another',
      { nats: { urls: ['nats://nats'] }, networkPolicy: { nats: { port: 4223 } } },
      /NATS URL nats:\/\/nats uses port 4222/,
    ],
  ])('refuses %s', (_what, values, error) => {
    const res = helmTemplate(helm as string, [valuesFile({ ...databaseUrl, ...values })]);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(error);
  });

  itHelm(
    'accepts NATS URLs on another port once the NetworkPolicy opens it, or without one',
    () => {
      const urls = ['nats://nats-0.nats-headless:4223', 'tls://nats-1.nats-headless:4223'];
      const opened = renderWith({ nats: { urls }, networkPolicy: { nats: { port: 4223 } } });
      expect(configOf(opened.objects).NATS_URL).toBe(urls.join(','));
      const egressPorts = byKind(opened.objects, 'NetworkPolicy')
        .filter((p) => component(p) === 'gateway')
        .flatMap((p) => list(obj(p.spec).egress).flatMap((r) => list(r.ports).map((x) => x.port)));
      expect(egressPorts).toContain(4223);
      const noPolicy = renderWith({ nats: { urls }, networkPolicy: { enabled: false } });
      expect(byKind(noPolicy.objects, 'NetworkPolicy')).toEqual([]);
      expect(configOf(noPolicy.objects).NATS_URL).toBe(urls.join(','));
    },
  );
});

describe('deliberately broken values are refused', () => {
  itWhen(helm, 'helm')('helm template refuses a values file that breaks the schema', () => {
    const res = helmTemplate(helm as string, [join(FIXTURES, 'bad-values.yaml')]);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/values don't meet the specifications of the schema/);
    expect(res.stderr).toMatch(/runAsNonRoot/);
  });

  itWhen(helm, 'helm')('helm template refuses a grace period shorter than the drain', () => {
    const res = helmTemplate(helm as string, [join(FIXTURES, 'bad-grace-values.yaml')]);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(
      /terminationGracePeriodSeconds \(10s\) must exceed config.shutdownGraceMs/,
    );
  });

  itWhen(helm, 'helm')(
    'helm template refuses to render without a database URL or an existing Secret',
    () => {
      const res = helmTemplate(helm as string, []);
      expect(res.status).not.toBe(0);
      expect(res.stderr).toMatch(/secrets.databaseUrl is required/);
    },
  );

  for (const [version, dir] of schemaDirs) {
    itWhen(helm && kubeconformBin && dir, `kubeconform and Kubernetes ${version} schemas`)(
      `kubeconform refuses a manifest with an unknown field (Kubernetes ${version})`,
      () => {
        const { text } = render([join(FIXTURES, 'bad-manifest-values.yaml')]);
        const res = kubeconform(kubeconformBin as string, dir as string, text);
        expect(res.status).not.toBe(0);
        expect(res.stdout).toMatch(/Deployment sales-suite-crm-enrichment is invalid/);
        expect(res.stdout).toMatch(/additional properties 'nme' not allowed/);
        expect(res.stdout).toMatch(/Invalid: 1,/);
      },
    );
  }
});
