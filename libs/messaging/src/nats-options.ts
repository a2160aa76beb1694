import type { ConnectionOptions } from 'nats';

export interface NatsSettings {
  NATS_URL: string;
  NATS_USER?: string;
  NATS_PASSWORD?: string;
}

/**
 * The one place NATS connections are configured. Reconnects forever (the client's default gives
 * up after about 20 s) and waits for the first connection instead of failing at boot, so a
 * service outlives a NATS restart and comes up in any order. No async traces: the client would
 * capture two stacks per request (for a timeout's message) that NatsRequester turns into a
 * DomainError without them; the capture was a twentieth of the gateway's CPU per request.
 */
export function natsConnectionOptions(
  settings: NatsSettings,
  connectionName: string,
): ConnectionOptions {
  return {
    servers: settings.NATS_URL.split(','),
    name: connectionName,
    ...(settings.NATS_USER ? { user: settings.NATS_USER, pass: settings.NATS_PASSWORD } : {}),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    reconnectJitter: 250,
    waitOnFirstConnect: true,
    pingInterval: 10_000,
    maxPingOut: 3,
    noAsyncTraces: true,
  };
}

/** Subjects and stream names carry an optional prefix so that test runs share a server safely. */
export function prefixed(prefix: string, subject: string): string {
  return `${prefix}${subject}`;
}

/** Stream names allow no dots: `test42.` + `GLOSSARY_EVENTS` becomes `test42_GLOSSARY_EVENTS`. */
export function prefixedStreamName(prefix: string, name: string): string {
  return `${prefix.replace(/\./g, '_')}${name}`;
}
