import { randomUUID } from 'node:crypto';
import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { OtlpReceiver, ReceivedSpan } from '../support/otlp-receiver';
import { ownSubjectPrefix } from '../support/test-env';
import { eventually } from '../support/eventually';
import { connectNats, fetchPixel, pixelPath, USER_AGENTS } from '../email/support';

const PRODUCER = 4;
const CONSUMER = 5;
const PIXEL_KEY = Buffer.alloc(32, 7).toString('base64');

const isPostgres = (span: ReceivedSpan) =>
  (span.attributes['db.system.name'] ?? span.attributes['db.system']) === 'postgresql';

/** The JSON log lines an app wrote (pino on stdout), skipping anything else it printed. */
function logLines(app: RunningApp): Record<string, unknown>[] {
  return app
    .logs()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('one trace crosses JetStream: pixel batch → recorder → email.opened → lead score', () => {
  const apps = new AppSet();
  const receiver = new OtlpReceiver();
  let funnel: RunningApp;
  let leadId: string;
  let messageId: string;

  // Streams of its own: other files' email.opened backlog would batch with (and parent) this open.
  const subjects = ownSubjectPrefix('jstrace');

  beforeAll(async () => {
    await receiver.start();
    const tracing = {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      ...subjects,
    };
    const pixel = {
      PIXEL_SIGNING_KEYS: `k1:${PIXEL_KEY}`,
      PIXEL_SIGNING_KEY_ID: 'k1',
      PUBLIC_BASE_URL: 'https://t.example.test',
    };
    funnel = await apps.start('lead-funnel', {
      env: { ...tracing, LOG_LEVEL: 'debug' },
      keepAllOutput: true,
    });
    await apps.start('email-tracking', { env: { ...tracing, ...pixel } });
    const gateway = await apps.start('gateway', {
      env: { ...tracing, ...pixel, NATS_REQUEST_TIMEOUT_MS: '10000' },
    });
    const api = apiClient(gateway.url);
    const lead = await api<{ id: string }>('/v1/leads', {
      body: { source: 'referral', contactId: 'c-trace-1' },
    });
    expect(lead.status).toBe(201);
    leadId = lead.body.id;
    const campaign = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name: 'Traced', subject: 'Traced subject' },
    });
    expect(campaign.status).toBe(201);
    const messages = await api<{ messages: { id: string; pixelUrl: string }[] }>(
      `/v1/email/campaigns/${campaign.body.id}/messages`,
      { body: { messages: [{ email: 'trace@example.com', contactId: 'c-trace-1', leadId }] } },
    );
    expect(messages.status).toBe(201);
    messageId = messages.body.messages[0].id;
    const hit = await fetchPixel(gateway.url, pixelPath(messages.body.messages[0].pixelUrl), {
      'user-agent': USER_AGENTS.thunderbird,
      'x-forwarded-for': '203.0.113.50',
    });
    expect(hit.status).toBe(200);
    // The open reached the lead: an engagement in its history (whatever points the scoring model
    // in force, which earlier files of the run may have changed, gives an open).
    await eventually(
      async () =>
        (
          await api<{ events: { type: string; data: { type?: string } }[] }>(
            `/v1/leads/${leadId}/history`,
          )
        ).body.events,
      (events) =>
        events.some(
          (event) => event.type === 'EngagementRecorded' && event.data.type === 'email_opened',
        ),
      { description: "the open in the lead's history" },
    );
  });
  afterAll(async () => {
    await apps.stopAll();
    await receiver.close();
  });

  /**
   * The lead funnel's span for the open, once its trace reached the collector with its ancestry.
   * Earlier files of the run publish email.opened on the same stream, and a redelivery of one of
   * theirs may be processed here too: the open's span is the one whose trace began at this gateway.
   */
  async function traceOfTheOpen(): Promise<{ trace: ReceivedSpan[]; scoring: ReceivedSpan }> {
    // Each service exports its spans in its own batches: wait until every ancestor of the
    // scoring span has arrived, not only the gateway's root.
    const unbroken = (trace: ReceivedSpan[], scoring: ReceivedSpan) => {
      const byId = new Map(trace.map((span) => [span.spanId, span]));
      let span = scoring;
      while (span.parentSpanId) {
        const parent = byId.get(span.parentSpanId);
        if (!parent) return false;
        span = parent;
      }
      return span.service === 'gateway';
    };
    const complete = (trace: ReceivedSpan[], scoring?: ReceivedSpan) =>
      scoring !== undefined &&
      unbroken(trace, scoring) &&
      trace.some((span) => span.service === 'lead-funnel' && isPostgres(span));
    return eventually(
      async () => {
        const traces = receiver.spans
          .filter((span) => span.service === 'lead-funnel' && span.name === 'process email.opened')
          .map((scoring) => ({
            scoring,
            trace: receiver.spans.filter((span) => span.traceId === scoring.traceId),
          }));
        return (
          traces.find(({ trace, scoring }) => complete(trace, scoring)) ?? {
            trace: [],
            scoring: undefined!,
          }
        );
      },
      ({ trace, scoring }) => complete(trace, scoring),
      { description: 'the trace of the open, from the gateway to the lead funnel' },
    );
  }

  it('parents each consumer span on the span that produced its message, up to the gateway', async () => {
    const { trace, scoring } = await traceOfTheOpen();
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const ancestry: ReceivedSpan[] = [];
    for (let span: ReceivedSpan | undefined = scoring; span; span = byId.get(span.parentSpanId))
      ancestry.push(span);
    const names = ancestry.map((span) => `${span.service}: ${span.name}`);
    const pixelBatch = ancestry.at(-1)!;
    expect(pixelBatch.service).toBe('gateway');
    expect(pixelBatch.name).toMatch(/^create email\.pixel\.hits\.\d+$/);
    expect(pixelBatch.kind).toBe(PRODUCER);
    expect(pixelBatch.parentSpanId ?? '').toBe('');
    const recorder = ancestry.find((span) => span.service === 'email-tracking');
    expect(recorder?.name).toMatch(/^process email\.pixel\.hits\.\d+$/);
    expect(recorder?.kind).toBe(CONSUMER);
    expect(scoring.kind).toBe(CONSUMER);
    // The recorder's span is the one that wrote email.opened to the outbox: scoring's direct parent.
    expect(scoring.parentSpanId).toBe(recorder?.spanId);
    expect(names).toEqual([
      'lead-funnel: process email.opened',
      expect.stringMatching(/^email-tracking: process email\.pixel\.hits\.\d+$/),
      expect.stringMatching(/^gateway: create email\.pixel\.hits\.\d+$/),
    ]);
    // Both consumers' queries belong to the trace too, under their processing spans.
    const queries = trace.filter(isPostgres);
    expect(
      queries.some((q) => q.service === 'email-tracking' && q.parentSpanId === recorder?.spanId),
    ).toBe(true);
    expect(
      queries.some((q) => q.service === 'lead-funnel' && q.parentSpanId === scoring.spanId),
    ).toBe(true);
  });

  it("writes the consumer's log lines with the trace and span ids of the open", async () => {
    const { scoring } = await traceOfTheOpen();
    const handled = logLines(funnel).filter(
      (line) => line.msg === 'Handled 1 email.opened message(s)',
    );
    expect(handled).toContainEqual(
      expect.objectContaining({ trace_id: scoring.traceId, span_id: scoring.spanId }),
    );
  });

  it('continues the trace of a batch from an older gateway through its forwarding to a partition', async () => {
    const nc = await connectNats();
    try {
      const batchId = randomUUID();
      const hit = {
        hitId: randomUUID(),
        messageId,
        at: new Date().toISOString(),
        ip: '198.51.100.9',
      };
      await nc
        .jetstream()
        .publish(
          `${subjects.NATS_SUBJECT_PREFIX}email.pixel.hits`,
          JSON.stringify({ batchId, hits: [{ ...hit, userAgent: USER_AGENTS.thunderbird }] }),
          { msgID: batchId },
        );
    } finally {
      await nc.close();
    }
    const { forwarding, recording } = await eventually(
      async () => {
        const forwarding = receiver.spans.find(
          (span) => span.service === 'email-tracking' && span.name === 'process email.pixel.hits',
        );
        const recording = receiver.spans.find(
          (span) => forwarding && span.parentSpanId === forwarding.spanId,
        );
        return { forwarding, recording };
      },
      ({ recording }) => recording !== undefined,
      { description: 'a partition batch recorded under the forwarding span' },
    );
    expect(recording).toMatchObject({
      service: 'email-tracking',
      name: expect.stringMatching(/^process email\.pixel\.hits\.\d+$/),
      kind: CONSUMER,
      traceId: forwarding!.traceId,
    });
  });
});
