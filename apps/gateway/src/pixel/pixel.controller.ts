import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { MAX_HIT_USER_AGENT_LENGTH, PixelKeyring, verifyPixelToken } from '@sales-suite/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Public } from '../auth/auth.decorators';
import { PixelHitBuffer } from './pixel-hit-buffer.service';
import { PIXEL_KEYRING } from './pixel-keyring.provider';
import {
  firstHeader,
  isPrefetch,
  PIXEL_RESPONSE_HEADERS,
  tokenFromFileName,
  TRANSPARENT_GIF,
} from './pixel-request';
import { pixelRequestsTotal } from './pixel.metrics';

/**
 * `GET /t/o/<token>.gif`, the open-tracking pixel placed in emails. Public and never throttled.
 * It answers the same GIF whatever happens (a broken image in an email is worse than a lost
 * count), verifies the token without any I/O and hands valid hits to the buffer.
 */
@ApiExcludeController()
@Controller('t/o')
export class PixelController {
  constructor(
    @Inject(PIXEL_KEYRING) private readonly keyring: PixelKeyring,
    private readonly hits: PixelHitBuffer,
  ) {}

  // A wildcard, not `:file`: the router answers 414 for a parameter over 100 characters, and
  // the pixel must answer its GIF whatever the path.
  @Public()
  @Get('*')
  serve(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const file = (request.params as Record<string, string | undefined>)['*'] ?? '';
    pixelRequestsTotal.inc({ outcome: this.record(file, request) });
    void reply.headers(PIXEL_RESPONSE_HEADERS).send(TRANSPARENT_GIF);
  }

  private record(file: string, request: FastifyRequest): string {
    // HEAD (also routed here by Fastify) and announced prefetches fetch without anyone reading.
    if (request.method !== 'GET') return 'head';
    if (isPrefetch(request.headers)) return 'prefetch';
    const token = tokenFromFileName(file);
    if (token === null) return 'not_gif';
    const verdict = verifyPixelToken(this.keyring, token);
    if (!verdict.valid) return `invalid_token:${verdict.reason}`;
    const accepted = this.hits.add({
      hitId: randomUUID(),
      messageId: verdict.messageId,
      at: new Date().toISOString(),
      userAgent: firstHeader(request.headers['user-agent']).slice(0, MAX_HIT_USER_AGENT_LENGTH),
      ip: request.ip,
    });
    return accepted ? 'open' : 'dropped';
  }
}
