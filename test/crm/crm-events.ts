import { AckPolicy, connect, DeliverPolicy, JsMsg, NatsConnection } from 'nats';
import { e2eRun } from '../support/test-env';
import { eventually } from '../support/eventually';

export interface ReceivedEvent {
  subject: string;
  data: Record<string, unknown>;
}

/** Reads the CRM events stream of this run from the start (a fresh ephemeral consumer each time). */
export async function readCrmEvents(
  nc: NatsConnection,
  subjects: string[] = [],
): Promise<ReceivedEvent[]> {
  const run = e2eRun();
  const stream = `${run.subjectPrefix.replace(/\./g, '_')}CRM_EVENTS`;
  const manager = await nc.jetstreamManager();
  const info = await manager.streams.info(stream);
  const consumer = await manager.consumers.add(stream, {
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.All,
    inactive_threshold: 10_000_000_000,
  });
  const js = nc.jetstream();
  const reader = await js.consumers.get(stream, consumer.name);
  const events: ReceivedEvent[] = [];
  const total = info.state.messages;
  while (events.length < total) {
    const batch = await reader.fetch({ max_messages: 500, expires: 2000 });
    let got = 0;
    for await (const message of batch as AsyncIterable<JsMsg>) {
      got++;
      events.push({
        subject: message.subject.slice(run.subjectPrefix.length),
        data: message.json(),
      });
    }
    if (got === 0) break;
  }
  await manager.consumers.delete(stream, consumer.name).catch(() => undefined);
  return subjects.length ? events.filter((event) => subjects.includes(event.subject)) : events;
}

/** Polls until `predicate` holds over the events (the outbox relay publishes within ~250 ms). */
export async function waitForEvents(
  nc: NatsConnection,
  predicate: (events: ReceivedEvent[]) => boolean,
  timeoutMs = 30_000,
): Promise<ReceivedEvent[]> {
  return eventually(() => readCrmEvents(nc).catch((): ReceivedEvent[] => []), predicate, {
    timeoutMs,
    intervalMs: 200,
    description: 'CRM events',
  });
}

export const natsConnect = () => connect({ servers: e2eRun().natsUrl });
