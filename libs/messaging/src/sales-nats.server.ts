import { Logger } from '@nestjs/common';
import { MessageHandler, NatsContext, ServerNats } from '@nestjs/microservices';
import { context, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  extractTraceContext,
  natsHandledDuration,
  natsHandledTotal,
  REQUEST_ID_HEADER,
  runWithRequestId,
} from '@sales-suite/observability';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { randomUUID } from 'node:crypto';
import { natsConnectionOptions, NatsSettings, prefixed } from './nats-options';
import { compactReply } from './oversized-reply';

const tracer = trace.getTracer('sales-suite-messaging');

export interface SalesNatsServerOptions {
  settings: NatsSettings;
  /** Also the queue group: replicas of one service share its requests. */
  serviceName: string;
  subjectPrefix: string;
  /** How long `close()` waits for requests already being handled before it closes anyway. */
  drainTimeoutMs: number;
}

interface InFlight {
  span: Span;
  subject: string;
  started: number;
}

interface ReplyPacket {
  err?: { code?: string } | unknown;
  isDisposed?: boolean;
}

/**
 * Nest's NATS transport with what production needs: a queue group per service, subjects with the
 * run's prefix, the caller's trace joined and request id logged, a metric per subject, and a
 * shutdown that drains (no new requests, pending ones answered) before the connection closes.
 */
export class SalesNatsServer extends ServerNats {
  private readonly log = new Logger(SalesNatsServer.name);
  private readonly inFlight = new Map<Msg, InFlight>();
  private queueSubscriptions: Subscription[] = [];
  private onIdle?: () => void;

  constructor(private readonly serverOptions: SalesNatsServerOptions) {
    super({
      ...natsConnectionOptions(serverOptions.settings, `${serverOptions.serviceName}-server`),
      queue: serverOptions.serviceName,
    });
  }

  override bindEvents(client: NatsConnection): void {
    for (const subject of this.messageHandlers.keys()) {
      this.queueSubscriptions.push(
        client.subscribe(prefixed(this.serverOptions.subjectPrefix, subject), {
          queue: this.serverOptions.serviceName,
          callback: this.getMessageHandler(subject).bind(this),
        }),
      );
    }
  }

  /**
   * Our subjects are plain strings and their own route: Nest's lookup first tries JSON.parse on
   * the subject, whose SyntaxError it throws and catches once per message.
   */
  override getHandlerByPattern(subject: string): MessageHandler | null {
    return this.messageHandlers.get(subject) ?? super.getHandlerByPattern(subject);
  }

  override async handleMessage(subject: string, message: Msg): Promise<void> {
    const parent = extractTraceContext(message.headers);
    const span = tracer.startSpan(
      `process ${subject}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'messaging.system': 'nats',
          'messaging.destination.name': subject,
          'messaging.operation.type': 'process',
          'messaging.consumer.group.name': this.serverOptions.serviceName,
        },
      },
      parent,
    );
    this.inFlight.set(message, { span, subject, started: performance.now() });
    const requestId = message.headers?.get(REQUEST_ID_HEADER) || randomUUID();
    await context.with(trace.setSpan(parent, span), () =>
      runWithRequestId(requestId, () => super.handleMessage(subject, message)),
    );
    if (!message.reply) this.finish(message, undefined);
  }

  override getPublisher(
    message: Msg,
    id: string,
    ctx: NatsContext,
  ): (packet: ReplyPacket) => unknown {
    const publish = super.getPublisher(message, id, ctx);
    return (packet: ReplyPacket) => {
      let sent: unknown;
      try {
        sent = publish(packet);
      } catch (error) {
        // Thrown here it would end the process: NATS refuses a reply over its payload limit.
        this.log.error({ err: error }, 'Reply could not be sent; a compact one is sent instead');
        packet = { err: compactReply(packet.err), isDisposed: true };
        sent = publish(packet);
      }
      if (packet.isDisposed || packet.err) this.finish(message, packet.err);
      return sent;
    };
  }

  /** Stops taking requests, answers the ones already received, then closes the connection. */
  override async close(): Promise<void> {
    let connection: NatsConnection;
    try {
      connection = this.unwrap<NatsConnection>();
    } catch {
      return super.close();
    }
    await Promise.allSettled(this.queueSubscriptions.map((subscription) => subscription.drain()));
    this.queueSubscriptions = [];
    await this.waitUntilIdle(this.serverOptions.drainTimeoutMs);
    await connection.drain().catch(() => undefined);
    await super.close();
  }

  private finish(message: Msg, err: unknown): void {
    const entry = this.inFlight.get(message);
    if (!entry) return;
    this.inFlight.delete(message);
    const outcome = err ? String((err as { code?: unknown }).code ?? 'ERROR') : 'ok';
    if (err) entry.span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
    entry.span.setAttribute('sales_suite.outcome', outcome);
    entry.span.end();
    natsHandledTotal.inc({ subject: entry.subject, outcome });
    const seconds = (performance.now() - entry.started) / 1000;
    natsHandledDuration.observe({ subject: entry.subject, outcome }, seconds);
    if (err)
      this.log.log(
        { subject: entry.subject, outcome, durationMs: Math.round(seconds * 1000) },
        'Request refused',
      );
    if (this.inFlight.size === 0) this.onIdle?.();
  }

  private async waitUntilIdle(timeoutMs: number): Promise<void> {
    if (this.inFlight.size === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.log.warn(
          `Closing with ${this.inFlight.size} request(s) still in flight after ${timeoutMs} ms`,
        );
        resolve();
      }, timeoutMs);
      this.onIdle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
