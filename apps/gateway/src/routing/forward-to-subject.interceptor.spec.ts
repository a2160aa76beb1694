import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { NatsRequester, RequestOptions } from '@sales-suite/messaging';
import { firstValueFrom, of } from 'rxjs';
import { REQUIRED_SCOPES } from '../auth/auth.decorators';
import { ForwardToSubject } from './forward-to-subject.interceptor';
import { Forward } from './route.decorator';

class Routes {
  @Forward('POST', 'things', 'thing.create', {
    operationId: 'createThing',
    scope: 'crm:write',
    summary: 'Create a thing',
    problems: [400],
    timeoutMs: 1234,
    location: (thing: { id: string }) => `/things/${thing.id}`,
  })
  create() {}

  @Forward('DELETE', 'things/:id', 'thing.delete', {
    operationId: 'deleteThing',
    status: 204,
    scope: 'crm:write',
    summary: 'Delete a thing',
    problems: [404],
  })
  delete() {}
}

/** Calls the interceptor as Nest would around `handler`, whose result is `message`. */
async function forward(handler: () => void, message: unknown) {
  const sent: { subject: string; data: unknown; options?: RequestOptions }[] = [];
  const nats = {
    request: (subject: string, data: unknown, options?: RequestOptions) => {
      sent.push({ subject, data, options });
      return Promise.resolve({ id: '7', answered: subject });
    },
  } as unknown as NatsRequester;
  const headers: Record<string, string> = {};
  const context = {
    getHandler: () => handler,
    switchToHttp: () => ({
      getRequest: () => ({ caller: { name: 'importer' } }),
      getResponse: () => ({ header: (name: string, value: string) => (headers[name] = value) }),
    }),
  };
  const answer = await firstValueFrom(
    new ForwardToSubject(nats, new Reflector()).intercept(context as never, {
      handle: () => of(message),
    }),
  );
  return { sent, answer, headers };
}

describe('Forward', () => {
  it("sends the handler's result to the subject as the caller, with the route's timeout, and answers the service's answer", async () => {
    const { sent, answer, headers } = await forward(Routes.prototype.create, { name: 'x' });
    expect(sent).toEqual([
      {
        subject: 'thing.create',
        data: { name: 'x' },
        options: { actor: 'importer', timeoutMs: 1234 },
      },
    ]);
    expect(answer).toEqual({ id: '7', answered: 'thing.create' });
    expect(headers).toEqual({ location: '/things/7' });
  });

  it('answers nothing on a 204 route, after the service answered', async () => {
    const { sent, answer, headers } = await forward(Routes.prototype.delete, { id: '7' });
    expect(sent.map((request) => request.subject)).toEqual(['thing.delete']);
    expect(answer).toBeUndefined();
    expect(headers).toEqual({});
  });

  it.each([
    ['create' as const, 201],
    ['delete' as const, 204],
  ])('%s declares its scope and answers %i', (route, status) => {
    const handler = Routes.prototype[route];
    expect(Reflect.getMetadata(REQUIRED_SCOPES, handler)).toEqual(['crm:write']);
    expect(Reflect.getMetadata(HTTP_CODE_METADATA, handler)).toBe(status);
  });
});
