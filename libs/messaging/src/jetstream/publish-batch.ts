import { createInbox, headers as natsHeaders, Msg, NatsConnection, Payload } from 'nats';

export interface JetStreamMessage {
  subject: string;
  data: Payload;
  /** The stream's duplicate window drops a message published again with the same id. */
  msgID: string;
  headers?: Record<string, string>;
}

const ACK_TIMEOUT_MS = 10_000;
const decoder = new TextDecoder();

/**
 * Why a JetStream publish ack refuses its message, or null for a stored (or duplicate) message:
 * no stream listening (a 503 status, no body), or an error the stream answered.
 */
export function ackRefusal(status: number | undefined, body: string): string | null {
  if (status === 503) return 'no stream listens on the subject';
  if (body.length === 0) return `no ack (status ${status ?? 'none'})`;
  let ack: { stream?: string; error?: { code?: number; description?: string } };
  try {
    ack = JSON.parse(body) as typeof ack;
  } catch {
    return 'an ack that is not JSON';
  }
  if (ack.error) return ack.error.description ?? `error ${ack.error.code ?? 'unknown'}`;
  return typeof ack.stream === 'string' ? null : 'an ack that names no stream';
}

/**
 * Publishes messages to JetStream, sent all at once and their acks awaited together, through
 * one reply subscription: a request per message (its own subscription entry, timer and error
 * objects) costs more CPU than the publish itself. Messages on one connection reach the server
 * in the order given. Rejects if any message is refused or unacknowledged within 10 s; those
 * acknowledged are stored all the same (a retry is dropped by message id).
 */
export async function publishToJetStream(
  nc: NatsConnection,
  messages: readonly JetStreamMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  const inbox = createInbox();
  const sub = nc.subscribe(`${inbox}.*`, { max: messages.length });
  const unacked = new Set(messages.keys());
  let refusal: string | null = null;
  const acks = (async () => {
    for await (const msg of sub) {
      const index = Number(msg.subject.slice(inbox.length + 1));
      refusal ??= refusalOf(msg, messages[index]?.subject);
      unacked.delete(index);
    }
  })();
  const timer = setTimeout(() => sub.unsubscribe(), ACK_TIMEOUT_MS);
  try {
    messages.forEach((message, index) => {
      const headers = natsHeaders();
      for (const [key, value] of Object.entries(message.headers ?? {})) headers.set(key, value);
      headers.set('Nats-Msg-Id', message.msgID);
      nc.publish(message.subject, message.data, { reply: `${inbox}.${index}`, headers });
    });
    await acks;
  } catch (error) {
    if (!sub.isClosed()) sub.unsubscribe(); // the connection closed: no ack will come
    await acks.catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (refusal) throw new Error(refusal);
  if (unacked.size > 0)
    throw new Error(`${unacked.size} of ${messages.length} JetStream publishes unacknowledged`);
}

function refusalOf(msg: Msg, subject: string | undefined): string | null {
  const reason = ackRefusal(msg.headers?.code || undefined, decoder.decode(msg.data));
  return reason ? `JetStream refused a message on ${subject}: ${reason}` : null;
}
