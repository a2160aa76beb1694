import { AckPolicy, connect, DeliverPolicy, NatsConnection } from 'nats';
import { Client } from 'pg';
import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';

export interface Term {
  slug: string;
  name: string;
  definition: string;
  details: string | null;
  aliases: string[];
  hiddenLabels: string[];
  category: string | null;
  tags: string[];
  relations: { type: string; slug: string }[];
  sources: { url: string; title: string }[];
  status: string;
  replacedBy: string | null;
  version: number;
}

export type Api = ReturnType<typeof apiClient>;

/** The glossary service and the gateway, started for one test file. */
export function glossaryApps() {
  const apps = new AppSet();
  const handle = {
    apps,
    gateway: undefined as unknown as RunningApp,
    glossary: undefined as unknown as RunningApp,
    api: undefined as unknown as Api,
  };
  beforeAll(async () => {
    handle.glossary = await apps.start('glossary');
    handle.gateway = await apps.start('gateway');
    handle.api = apiClient(handle.gateway.url);
  });
  afterAll(() => apps.stopAll());
  return handle;
}

/** Runs SQL on the run's database (to look at what the API wrote). */
export async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: e2eRun().databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Reads the glossary events published to JetStream for one term, until `until` holds. */
export async function glossaryEvents(
  slug: string,
  until: (events: { subject: string; data: Record<string, unknown> }[]) => boolean,
): Promise<{ subject: string; data: Record<string, unknown> }[]> {
  const run = e2eRun();
  const nc: NatsConnection = await connect({ servers: run.natsUrl });
  try {
    const stream = `${run.subjectPrefix.replace(/\./g, '_')}GLOSSARY_EVENTS`;
    const manager = await nc.jetstreamManager();
    const durable = `events-${slug}-${Date.now()}`;
    await manager.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: `${run.subjectPrefix}glossary.term.>`,
    });
    const consumer = await nc.jetstream().consumers.get(stream, durable);
    const events: { subject: string; data: Record<string, unknown> }[] = [];
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !until(events)) {
      const batch = await consumer.fetch({ max_messages: 100, expires: 1000 });
      for await (const message of batch) {
        const data = message.json<Record<string, unknown>>();
        const subject = message.subject.slice(run.subjectPrefix.length);
        const about = (data.term as { slug?: string } | undefined)?.slug ?? data.slug;
        if (about === slug) events.push({ subject, data });
        message.ack();
      }
    }
    await manager.consumers.delete(stream, durable);
    return events;
  } finally {
    await nc.close();
  }
}
