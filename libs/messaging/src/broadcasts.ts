import { Logger } from '@nestjs/common';
import type { Msg } from 'nats';
import { NatsClientService } from './nats-client.service';
import { prefixed } from './nats-options';

const logger = new Logger('Broadcasts');

export interface BroadcastListener {
  onMessage(message: Msg): void;
  /**
   * Messages may have been missed (NATS went away, or the subscription failed): drop whatever
   * they could have invalidated. Called once the subscriptions are live (what was kept before
   * them may be stale), on disconnect, and on reconnect (again once the server has them back).
   */
  onGap(): void;
}

/**
 * Listens to subjects that every replica must hear (a plain subscription, no queue group: cache
 * invalidations, counts shared between replicas). Starts once NATS is first connected.
 */
export function listenToBroadcasts(
  nats: NatsClientService,
  subjects: readonly string[],
  listener: BroadcastListener,
): void {
  void nats
    .connected()
    .then((nc) => {
      // A flush is a round trip behind every subscription sent so far; one that fails (NATS away
      // again) is followed by a disconnect, which reports its own gap.
      const gapOnceSubscribed = () =>
        nc.flush().then(
          () => listener.onGap(),
          () => undefined,
        );
      for (const subject of subjects)
        nc.subscribe(prefixed(nats.subjectPrefix, subject), {
          callback: (error, message) => (error ? listener.onGap() : listener.onMessage(message)),
        });
      void gapOnceSubscribed();
      void (async () => {
        for await (const status of nc.status())
          if (status.type === 'disconnect' || status.type === 'reconnect') {
            listener.onGap();
            if (status.type === 'reconnect') void gapOnceSubscribed();
          }
      })();
    })
    .catch((error: Error) =>
      logger.warn(`Not listening to ${subjects.join(', ')}: ${error.message}`),
    );
}

/**
 * Publishes to every replica listening; false when NATS is not connected yet (while it is
 * reconnecting, the client buffers the message and sends it once back).
 */
export function broadcast(nats: NatsClientService, subject: string, data: Uint8Array): boolean {
  try {
    nats.connection.publish(prefixed(nats.subjectPrefix, subject), data);
    return true;
  } catch {
    return false;
  }
}
