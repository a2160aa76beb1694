import { connect, NatsConnection } from 'nats';
import { e2eRun } from '../support/test-env';
import { eventually } from '../support/eventually';
import { PublishedEvent, readRunEvents } from '../support/streams';

export type ReceivedEvent = PublishedEvent;

/** Reads the CRM events stream of this run from the start (of the given subjects, when any). */
export async function readCrmEvents(
  nc: NatsConnection,
  subjects: string[] = [],
): Promise<ReceivedEvent[]> {
  const events = await readRunEvents(nc, 'CRM_EVENTS');
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
