import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { DomainError, ErrorCode } from '@sales-suite/contracts';
import {
  currentRequestId,
  injectTraceContext,
  natsRequestDuration,
  natsRequestsTotal,
  REQUEST_ID_HEADER,
} from '@sales-suite/observability';
import { ErrorCode as NatsErrorCode, headers as natsHeaders, NatsError } from 'nats';
import { randomUUID } from 'node:crypto';
import { NatsClientService } from './nats-client.service';
import { prefixed } from './nats-options';

const tracer = trace.getTracer('sales-suite-messaging');

/** The reply a Nest NATS microservice sends: a response, or an error body. */
interface NestReplyPacket {
  response?: unknown;
  err?: unknown;
}

export interface RequestOptions {
  timeoutMs?: number;
  /** Who asks (the API key's name): services record it as the author of changes. */
  actor?: string;
}

export const ACTOR_HEADER = 'x-sales-suite-actor';

/**
 * Every request from one app to another goes through here: it always has a timeout, carries the
 * request id and W3C trace context in NATS headers, and turns transport failures into domain
 * errors: nobody subscribed → 503 at once, no answer in time (a replica that died holding the
 * request, a hung service) → 503 SERVICE_TIMEOUT after the timeout, never a wait beyond it.
 */
@Injectable()
export class NatsRequester {
  private readonly defaultTimeoutMs: number;

  constructor(
    private readonly nats: NatsClientService,
    config: ConfigService,
  ) {
    this.defaultTimeoutMs = Number(config.get('NATS_REQUEST_TIMEOUT_MS') ?? 5000);
  }

  async request<T>(subject: string, data: unknown, options: RequestOptions = {}): Promise<T> {
    const timeout = options.timeoutMs ?? this.defaultTimeoutMs;
    const span = tracer.startSpan(`send ${subject}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'messaging.system': 'nats',
        'messaging.destination.name': subject,
        'messaging.operation.type': 'send',
      },
    });
    const started = performance.now();
    let outcome = 'ok';
    try {
      const headers = natsHeaders();
      injectTraceContext(headers, trace.setSpan(context.active(), span));
      const requestId = currentRequestId();
      if (requestId) headers.set(REQUEST_ID_HEADER, requestId);
      if (options.actor) headers.set(ACTOR_HEADER, options.actor);
      const payload = Buffer.from(JSON.stringify({ pattern: subject, data, id: randomUUID() }));
      const reply = await this.send(subject, payload, headers, timeout);
      const packet = JSON.parse(Buffer.from(reply).toString('utf8')) as NestReplyPacket;
      if (packet.err !== undefined && packet.err !== null)
        throw DomainError.fromRpcBody(packet.err);
      return packet.response as T;
    } catch (error) {
      const failure =
        error instanceof DomainError
          ? error
          : new DomainError(ErrorCode.Internal, 'Request failed');
      outcome = failure.code;
      span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
      span.setAttribute('error.type', failure.code);
      throw failure;
    } finally {
      span.end();
      natsRequestsTotal.inc({ subject, outcome });
      natsRequestDuration.observe({ subject, outcome }, (performance.now() - started) / 1000);
    }
  }

  private async send(
    subject: string,
    payload: Uint8Array,
    headers: ReturnType<typeof natsHeaders>,
    timeout: number,
  ): Promise<Uint8Array> {
    const service = subject.split('.')[0];
    let connection;
    try {
      connection = this.nats.connection;
    } catch {
      throw new DomainError(ErrorCode.ServiceUnavailable, 'The message bus is not reachable');
    }
    try {
      const message = await connection.request(
        prefixed(this.nats.subjectPrefix, subject),
        payload,
        {
          timeout,
          headers,
        },
      );
      return message.data;
    } catch (error) {
      const code = (error as NatsError).code;
      if (code === NatsErrorCode.NoResponders) {
        throw new DomainError(
          ErrorCode.ServiceUnavailable,
          `No ${service} service instance is available`,
          { service },
        );
      }
      if (code === NatsErrorCode.Timeout) {
        throw new DomainError(
          ErrorCode.ServiceTimeout,
          `The ${service} service did not answer within ${timeout} ms`,
          {
            service,
          },
        );
      }
      throw new DomainError(
        ErrorCode.ServiceUnavailable,
        `The message bus failed: ${(error as Error).message}`,
        {
          service,
        },
      );
    }
  }
}
