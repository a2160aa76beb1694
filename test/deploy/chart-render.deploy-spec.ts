import { join } from 'node:path';
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
];
const GATEWAY_ENV = [
  'BOOTSTRAP_ADMIN_KEY',
  'PIXEL_HTTP_PORT',
  'NATS_REQUEST_TIMEOUT_MS',
  'RATE_LIMIT_PER_MINUTE',
  'BODY_LIMIT_BYTES',
  'PUBLIC_BASE_URL',
  'PIXEL_SIGNING_KEYS',
  'PIXEL_SIGNING_KEY_ID',
];
const PIXEL_ENV = ['PIXEL_SIGNING_KEYS', 'PIXEL_SIGNING_KEY_ID', 'PUBLIC_BASE_URL'];

function render(valueFiles: string[]): { text: string; objects: K8sObject[] } {
  const res = helmTemplate(helm as string, valueFiles);
  if (res.status !== 0) throw new Error(`helm template failed:\n${res.stderr}`);
  return { text: res.stdout, objects: parseManifests(res.stdout) };
}

const byKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const component = (o: K8sObject) => o.metadata.labels?.['app.kubernetes.io/component'];
const podSpec = (d: K8sObject) => obj(obj(obj(d.spec).template).spec);

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

  itHelm('waits longer than the NATS drain before SIGKILL, and spreads replicas', () => {
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
      const spread = list(pod.topologySpreadConstraints).map((t) => t.topologyKey);
      expect(spread).toEqual(
        expect.arrayContaining(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']),
      );
    }
  });

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

  itHelm('scales with autoscaling/v2 and protects replicas with PodDisruptionBudgets', () => {
    const hpas = byKind(objects, 'HorizontalPodAutoscaler');
    expect(hpas.length).toBeGreaterThan(0);
    for (const hpa of hpas) {
      expect(hpa.apiVersion).toBe('autoscaling/v2');
      const target = byKind(objects, 'Deployment').find(
        (d) => d.metadata.name === obj(obj(hpa.spec).scaleTargetRef).name,
      );
      expect(target).toBeDefined();
      expect(obj(target?.spec).replicas).toBeUndefined(); // the HPA owns the replica count
    }
    expect(byKind(objects, 'PodDisruptionBudget').map(component).sort()).toEqual(appNames());
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
