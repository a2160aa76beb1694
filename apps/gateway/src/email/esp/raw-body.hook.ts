import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError, ErrorCode } from '@sales-suite/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

export const ESP_WEBHOOK_PATH_PREFIX = '/v1/email/webhooks/';

const rawBodies = new WeakMap<IncomingMessage, Buffer>();

/** The bytes of a webhook request exactly as received (kept for signature checks). */
export function rawBodyOf(request: FastifyRequest): Buffer {
  return rawBodies.get(request.raw) ?? Buffer.alloc(0);
}

/**
 * Keeps the raw body of webhook requests only: SendGrid signs the exact bytes, which Fastify's
 * parsers throw away. The body is then replayed to the usual parser (JSON, or text for SNS).
 */
@Injectable()
export class EspRawBodyHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: ConfigService,
  ) {}

  onModuleInit(): void {
    const limit = this.config.getOrThrow<number>('BODY_LIMIT_BYTES');
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('preParsing', async (request, reply, payload) => {
      if (!request.url.startsWith(ESP_WEBHOOK_PATH_PREFIX)) return payload;
      const tooLarge = () => {
        // The rest of the body is never read: the connection cannot carry another request.
        void reply.header('connection', 'close');
        return new DomainError(ErrorCode.PayloadTooLarge, `The body is larger than ${limit} bytes`);
      };
      if (Number(request.headers['content-length'] ?? 0) > limit) throw tooLarge();
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of payload as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) throw tooLarge();
        chunks.push(chunk);
      }
      const raw = Buffer.concat(chunks);
      rawBodies.set(request.raw, raw);
      const replay = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
      replay.receivedEncodedLength = raw.length;
      return replay;
    });
  }
}
