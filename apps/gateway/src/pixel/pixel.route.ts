import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { PIXEL_KEYRING } from '@sales-suite/config';
import {
  MAX_HIT_USER_AGENT_LENGTH,
  PixelKeyring,
  UNSUBSCRIBE_ROUTE_PREFIX,
  verifyPixelToken,
} from '@sales-suite/contracts';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { answerClientError } from '../problems/framework-problems';
import { clientAddress, TrustedProxies } from '../trust/trusted-proxies';
import { UnsubscribeRoute } from '../unsubscribe/unsubscribe.route';
import { PixelHitBuffer } from './pixel-hit-buffer.service';
import {
  firstHeader,
  isPrefetch,
  PIXEL_RESPONSE_HEADERS,
  tokenFromFileName,
  TRANSPARENT_GIF,
} from './pixel-request';
import { pixelRequestsTotal } from './pixel.metrics';

export const PIXEL_ROUTE_PREFIX = '/t/o/';

/**
 * `GET /t/o/<token>.gif`, the open-tracking pixel placed in emails, served two ways by the same
 * code: as a Fastify route on the API port (beside Nest's router, so no guard — API key, rate
 * limit — pipe or interceptor runs: public and unthrottled by construction), and, when
 * `PIXEL_HTTP_PORT` is set, on a dedicated bare `node:http` listener that skips the API port's
 * per-request hooks (helmet, request logging, tracing) to run near the speed of a bare server.
 * Either way it answers the same GIF whatever happens (a broken image in an email is worse than a
 * lost count), verifies the token without any I/O and hands valid hits to the buffer.
 */
@Injectable()
export class PixelRoute implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PixelRoute.name);
  private listener?: Server;
  private readonly proxies: TrustedProxies;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(PIXEL_KEYRING) private readonly keyring: PixelKeyring,
    private readonly hits: PixelHitBuffer,
    private readonly config: ConfigService,
    private readonly unsubscribe: UnsubscribeRoute,
  ) {
    this.proxies = new TrustedProxies(config.getOrThrow<string>('TRUSTED_PROXIES'));
  }

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // A wildcard, not `:file`: the router answers 414 for a parameter over 100 characters, and
    // the pixel must answer its GIF whatever the path. Silent: a hit is counted by metrics, never
    // logged (its token identifies a recipient).
    fastify.get(`${PIXEL_ROUTE_PREFIX}*`, { logLevel: 'silent' }, (request, reply) => {
      const file = (request.params as Record<string, string | undefined>)['*'] ?? '';
      this.count(request.method, file, request.headers, request.ip);
      return reply.headers(PIXEL_RESPONSE_HEADERS).send(TRANSPARENT_GIF);
    });
    const port = this.config.get<number>('PIXEL_HTTP_PORT');
    if (port) await this.listen(port);
  }

  private async listen(port: number): Promise<void> {
    this.listener = createServer((request, response) => {
      const path = (request.url ?? '').split('?')[0];
      // The ingress sends every `/t/` path here, so the unsubscribe links are answered here too.
      if (path.startsWith(UNSUBSCRIBE_ROUTE_PREFIX))
        return void this.unsubscribe.serveNode(request, response, path);
      const file = path.startsWith(PIXEL_ROUTE_PREFIX) ? path.slice(PIXEL_ROUTE_PREFIX.length) : '';
      this.count(
        request.method ?? 'GET',
        decodeURIComponentSafe(file),
        request.headers,
        // What Fastify's trustProxy gives the API port as request.ip.
        clientAddress(
          request.socket.remoteAddress ?? '',
          request.headers['x-forwarded-for'],
          this.proxies,
        ),
      );
      response.writeHead(200, PIXEL_RESPONSE_HEADERS);
      response.end(request.method === 'HEAD' ? undefined : TRANSPARENT_GIF);
    });
    this.listener.on('clientError', answerClientError);
    this.listener.keepAliveTimeout = 72_000;
    this.listener.listen(port, this.config.getOrThrow<string>('HTTP_HOST'));
    await once(this.listener, 'listening');
    this.logger.log(`Pixel listener on port ${port}`);
  }

  private count(method: string, file: string, headers: IncomingHttpHeaders, ip: string): void {
    pixelRequestsTotal.inc({ outcome: this.record(method, file, headers, ip) });
  }

  private record(method: string, file: string, headers: IncomingHttpHeaders, ip: string): string {
    // HEAD (also routed here by Fastify) and announced prefetches fetch without anyone reading.
    if (method !== 'GET') return 'head';
    if (isPrefetch(headers)) return 'prefetch';
    const token = tokenFromFileName(file);
    if (token === null) return 'not_gif';
    const verdict = verifyPixelToken(this.keyring, token);
    if (!verdict.valid) return `invalid_token:${verdict.reason}`;
    const accepted = this.hits.add({
      hitId: randomUUID(),
      messageId: verdict.messageId,
      at: new Date().toISOString(),
      userAgent: firstHeader(headers['user-agent']).slice(0, MAX_HIT_USER_AGENT_LENGTH),
      ip,
    });
    return accepted ? 'open' : 'dropped';
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.listener) return;
    this.listener.closeIdleConnections();
    await new Promise((resolve) => this.listener!.close(resolve));
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
