import type { MessageHandler } from '@nestjs/microservices';
import { SalesNatsServer } from './sales-nats.server';

function serverWith(patterns: unknown[]): SalesNatsServer {
  const server = new SalesNatsServer({
    settings: { NATS_URL: 'nats://127.0.0.1:4222' },
    serviceName: 'glossary',
    subjectPrefix: '',
    drainTimeoutMs: 1000,
  });
  for (const pattern of patterns)
    server.addHandler(pattern, (() => Promise.resolve(pattern)) as unknown as MessageHandler);
  return server;
}

describe('SalesNatsServer: the handler of a subject', () => {
  it.each([
    ['a plain subject', 'glossary.search', 'glossary.search'],
    ['an object pattern, by its route', { cmd: 'sum' }, '{"cmd":"sum"}'],
  ])('finds %s', async (_, pattern, subject) => {
    const handler = serverWith(['glossary.suggest', pattern]).getHandlerByPattern(subject);
    expect(await handler?.(undefined)).toEqual(pattern);
  });

  it('finds none for a subject nobody handles', () => {
    expect(serverWith(['glossary.search']).getHandlerByPattern('glossary.searc')).toBeNull();
  });
});
