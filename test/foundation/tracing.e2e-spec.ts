import { AppSet } from '../support/apps';
import { apiClient } from '../support/http';
import { OtlpReceiver, ReceivedSpan } from '../support/otlp-receiver';
import { eventually } from '../support/eventually';

const SERVER = 2;
const CLIENT = 3;

/** pg instrumentation follows the stable DB semantic conventions (`db.system.name`). */
const isPostgres = (span: ReceivedSpan) =>
  (span.attributes['db.system.name'] ?? span.attributes['db.system']) === 'postgresql';

describe('one trace crosses gateway → NATS → glossary → PostgreSQL', () => {
  const apps = new AppSet();
  const receiver = new OtlpReceiver();

  beforeAll(async () => {
    await receiver.start();
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' };
    await apps.start('glossary', { env });
    const gateway = await apps.start('gateway', { env });
    const response = await apiClient(gateway.url)('/v1/glossary/terms/crm-enrichment');
    expect(response.status).toBe(200);
  });
  afterAll(async () => {
    await apps.stopAll();
    await receiver.close();
  });

  it('links the HTTP request, the NATS request, its handling and the SQL query', async () => {
    const trace = await eventually(
      (): ReceivedSpan[] => {
        const root = receiver.spans.find(
          (span) =>
            span.service === 'gateway' &&
            span.kind === SERVER &&
            String(span.attributes['url.path'] ?? span.attributes['http.target']).includes(
              '/v1/glossary/terms/crm-enrichment',
            ),
        );
        return root ? receiver.spans.filter((span) => span.traceId === root.traceId) : [];
      },
      (spans) => spans.some((span) => span.service === 'glossary' && isPostgres(span)),
      { timeoutMs: 15_000, intervalMs: 200, description: 'a trace reaching the glossary SQL' },
    );
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const httpServer = trace.find((span) => span.service === 'gateway' && span.kind === SERVER)!;
    const natsClient = trace.find(
      (span) => span.service === 'gateway' && span.name === 'send glossary.term.get',
    )!;
    const natsServer = trace.find(
      (span) => span.service === 'glossary' && span.name === 'process glossary.term.get',
    )!;
    const query = trace.find((span) => span.service === 'glossary' && isPostgres(span))!;
    expect(httpServer).toBeDefined();
    expect(natsClient.kind).toBe(CLIENT);
    expect(natsServer.kind).toBe(SERVER);
    expect(natsServer.parentSpanId).toBe(natsClient.spanId);
    expect(query).toBeDefined();

    // Every span of the query's ancestry is in the same trace, up to the gateway's HTTP span.
    const ancestry: string[] = [];
    for (let span: ReceivedSpan | undefined = query; span; span = byId.get(span.parentSpanId))
      ancestry.push(span.spanId);
    expect(ancestry).toEqual(
      expect.arrayContaining([natsServer.spanId, natsClient.spanId, httpServer.spanId]),
    );
  });
});
