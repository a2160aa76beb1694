import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { PIXEL_KEYRING } from '@sales-suite/config';
import {
  DomainError,
  EmailSubjects,
  ErrorCode,
  PixelKeyring,
  RecordUnsubscribeDto,
  UNSUBSCRIBE_ROUTE_PREFIX,
  UnsubscribeResultView,
  verifyUnsubscribeToken,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter } from 'prom-client';
import { isOneClickBody, MAX_ONE_CLICK_BODY_BYTES } from './one-click-body';
import {
  confirmationPage,
  methodNotAllowedPage,
  notFoundPage,
  notOneClickPage,
  tooLargePage,
  unavailablePage,
  UnsubscribePage,
  unsubscribedPage,
} from './unsubscribe-pages';

const unsubscribeRequestsTotal = new Counter({
  name: 'email_unsubscribe_requests_total',
  help: 'Requests to /t/u/ by outcome: confirm_page, unsubscribed, repeated, invalid_token:<reason>, not_one_click, unknown_message, unavailable, method_not_allowed, too_large',
  labelNames: ['outcome'] as const,
});

/**
 * `GET|POST /t/u/<token>`, the one-click unsubscribe link of RFC 8058, public (the token is the
 * proof), on the API port and on the pixel listener, answered by the same `answer`. GET shows a
 * confirmation page and changes nothing; POST with `List-Unsubscribe=One-Click` asks
 * email-tracking to record it over NATS and answers 200 only once it is committed there, or a
 * 503 to retry when the service cannot be reached: the unsubscribe is never acknowledged and then
 * lost, and the confirmation the person reads is true. Never logged (the token names a recipient).
 */
@Injectable()
export class UnsubscribeRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(PIXEL_KEYRING) private readonly keyring: PixelKeyring,
    private readonly nats: NatsRequester,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Its own scope: these routes read any body as text (form or multipart, parsed by
    // isOneClickBody) without giving the API routes a form parser.
    void fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        '*',
        { parseAs: 'string', bodyLimit: MAX_ONE_CLICK_BODY_BYTES },
        (_request, body, done) => done(null, body),
      );
      scope.route({
        method: ['GET', 'HEAD', 'POST'],
        // A wildcard, not `:token`: whatever the path, the answer is one of the pages.
        url: `${UNSUBSCRIBE_ROUTE_PREFIX}*`,
        logLevel: 'silent',
        handler: async (request, reply) => {
          const token = (request.params as Record<string, string | undefined>)['*'] ?? '';
          const body = typeof request.body === 'string' ? request.body : '';
          const page = await this.answer(
            request.method,
            token,
            request.headers['content-type'],
            body,
          );
          return reply.status(page.status).headers(page.headers).send(page.body);
        },
      });
    });
  }

  /** The same answer on the pixel listener's bare `node:http` server; never rejects. */
  async serveNode(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const method = request.method ?? 'GET';
    try {
      const body = method === 'POST' ? await readBody(request) : '';
      let page: UnsubscribePage;
      if (body === null) {
        unsubscribeRequestsTotal.inc({ outcome: 'too_large' });
        page = tooLargePage();
        response.setHeader('connection', 'close');
      } else {
        const token = decodeURIComponentSafe(path.slice(UNSUBSCRIBE_ROUTE_PREFIX.length));
        page = await this.answer(method, token, request.headers['content-type'], body);
      }
      response.writeHead(page.status, page.headers);
      response.end(method === 'HEAD' ? undefined : page.body);
    } catch {
      // The client went away while its body was read: nobody to answer.
      response.destroy();
    }
  }

  async answer(
    method: string,
    token: string,
    contentType: string | undefined,
    body: string,
  ): Promise<UnsubscribePage> {
    const { outcome, page } = await this.decide(method, token, contentType, body);
    unsubscribeRequestsTotal.inc({ outcome });
    return page;
  }

  private async decide(
    method: string,
    token: string,
    contentType: string | undefined,
    body: string,
  ): Promise<{ outcome: string; page: UnsubscribePage }> {
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST')
      return { outcome: 'method_not_allowed', page: methodNotAllowedPage() };
    const verdict = verifyUnsubscribeToken(this.keyring, token);
    if (!verdict.valid) return { outcome: `invalid_token:${verdict.reason}`, page: notFoundPage() };
    if (method !== 'POST') return { outcome: 'confirm_page', page: confirmationPage() };
    if (!isOneClickBody(contentType, body))
      return { outcome: 'not_one_click', page: notOneClickPage() };
    try {
      const result = await this.nats.request<UnsubscribeResultView>(
        EmailSubjects.RecordUnsubscribe,
        { messageId: verdict.messageId } satisfies RecordUnsubscribeDto,
      );
      return {
        outcome: result.alreadyUnsubscribed ? 'repeated' : 'unsubscribed',
        page: unsubscribedPage(),
      };
    } catch (error) {
      // A valid token whose message is gone (erased): as unknown as a forged one.
      if (error instanceof DomainError && error.code === ErrorCode.EmailMessageNotFound)
        return { outcome: 'unknown_message', page: notFoundPage() };
      return { outcome: 'unavailable', page: unavailablePage() };
    }
  }
}

/** The body as text, or null past MAX_ONE_CLICK_BODY_BYTES (the rest is never read). */
async function readBody(request: IncomingMessage): Promise<string | null> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_ONE_CLICK_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_ONE_CLICK_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
