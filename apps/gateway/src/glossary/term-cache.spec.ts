import type { NatsClientService } from '@sales-suite/messaging';
import type { TermView } from '@sales-suite/contracts';
import type { FastifyReply } from 'fastify';
import { answerConditionally, TermCache } from './term-cache';

const term = (version: number) => ({ slug: 'arr', name: 'ARR', version }) as TermView;

describe('TermCache.read', () => {
  const cache = () => new TermCache({} as NatsClientService);

  it('loads a term once, then answers it from the cache with its ETag and JSON', async () => {
    const terms = cache();
    const load = jest.fn(() => Promise.resolve(term(3)));
    await terms.read('arr', load);
    const second = await terms.read('arr', load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(second).toMatchObject({ term: term(3), etag: '"3"', json: JSON.stringify(term(3)) });
  });

  it('answers but does not keep a term loaded while a change came in', async () => {
    const terms = cache();
    await terms.read('arr', () => {
      terms.forget('arr');
      return Promise.resolve(term(3));
    });
    expect(terms.get('arr')).toBeUndefined();
  });
});

describe('answerConditionally', () => {
  it.each([
    [undefined, false],
    ['"3"', true],
    ['"2"', false],
  ])('If-None-Match %j → 304: %s', async (ifNoneMatch, notModified) => {
    const headers: Record<string, string> = {};
    let status = 200;
    const reply = {
      header: (name: string, value: string) => (headers[name] = value),
      status: (code: number) => (status = code),
    } as unknown as FastifyReply;
    const cached = await new TermCache({} as NatsClientService).read('arr', () =>
      Promise.resolve(term(3)),
    );
    expect(answerConditionally(reply, cached, ifNoneMatch)).toBe(notModified);
    expect(headers).toEqual({ etag: '"3"' });
    expect(status).toBe(notModified ? 304 : 200);
  });
});
