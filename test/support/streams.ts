import { AckPolicy, DeliverPolicy, JsMsg, NatsConnection } from 'nats';
import { e2eRun } from './test-env';

/** A published event as tests look at it: its subject without the run's prefix, and its JSON. */
export interface PublishedEvent {
  subject: string;
  data: Record<string, unknown>;
}

/**
 * Every message of one of this run's streams so far (of one subject, when given), read from the
 * start by a throwaway consumer that is deleted afterwards.
 */
export async function readRunStream(
  nc: NatsConnection,
  streamName: string,
  subject?: string,
): Promise<JsMsg[]> {
  const run = e2eRun();
  const stream = `${run.subjectPrefix.replace(/\./g, '_')}${streamName}`;
  const manager = await nc.jetstreamManager();
  const info = await manager.consumers.add(stream, {
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.All,
    ...(subject ? { filter_subject: `${run.subjectPrefix}${subject}` } : {}),
    inactive_threshold: 30_000_000_000,
  });
  const consumer = await nc.jetstream().consumers.get(stream, info.name);
  const messages: JsMsg[] = [];
  try {
    while (messages.length < info.num_pending) {
      const batch = await consumer.fetch({ max_messages: 500, expires: 2000 });
      let got = 0;
      for await (const message of batch as AsyncIterable<JsMsg>) {
        messages.push(message);
        got++;
      }
      if (got === 0) break;
    }
  } finally {
    await manager.consumers.delete(stream, info.name).catch(() => undefined);
  }
  return messages;
}

/** The events of one of this run's streams so far, subjects without the run's prefix. */
export async function readRunEvents(
  nc: NatsConnection,
  streamName: string,
): Promise<PublishedEvent[]> {
  const prefix = e2eRun().subjectPrefix;
  return (await readRunStream(nc, streamName)).map((message) => ({
    subject: message.subject.slice(prefix.length),
    data: message.json<Record<string, unknown>>(),
  }));
}
