import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AllowedTargets } from './domain/target-policy';
import { admittedTarget, postWebhook, TargetRefused } from './webhook-target';

/** A real local receiver: the check must stop a request before it is sent, not after. */
describe('postWebhook', () => {
  let server: Server;
  let port: number;
  let requests: number;
  let answer: number | 'hang';

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests++;
      request.resume();
      if (answer === 'hang') return;
      response.statusCode = answer;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  beforeEach(() => {
    requests = 0;
    answer = 204;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (allowed: string, host = '127.0.0.1') =>
    postWebhook(`http://${host}:${port}/hook?token=x`, {}, '{}', 500, new AllowedTargets(allowed));

  it('refuses a loopback target at delivery time without connecting', async () => {
    expect(await send('')).toEqual({
      status: null,
      error:
        'refused: must not reach a private, loopback, link-local, multicast or reserved address',
    });
    expect(requests).toBe(0);
  });

  it('refuses a host name that resolves to loopback (what DNS rebinding would turn a public name into)', async () => {
    expect((await send('', 'localhost')).error).toMatch(/^refused: /);
    expect(requests).toBe(0);
  });

  it.each([
    [204, { status: 204, error: null }],
    [500, { status: 500, error: 'http 500' }],
    [302, { status: 302, error: 'http 302' }],
    ['hang' as const, { status: null, error: 'timeout' }],
  ])('reports a %p answer when the allow-list admits the target', async (given, expected) => {
    answer = given;
    expect(await send('127.0.0.1/32')).toEqual(expected);
    expect(requests).toBe(1);
  });

  it('reports a refused connection by its code', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const free = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(free));
      });
    });
    const result = await postWebhook(
      `http://127.0.0.1:${closed}/`,
      {},
      '{}',
      500,
      new AllowedTargets('127.0.0.1'),
    );
    expect(result).toEqual({ status: null, error: 'ECONNREFUSED' });
  });
});

describe('admittedTarget', () => {
  it.each([
    ['ftp://example.com/', 'must use http or https'],
    ['http://no-such-host.invalid/', 'host does not resolve'],
    [
      'http://[fe80::1]/',
      'must not reach a private, loopback, link-local, multicast or reserved address',
    ],
  ])('refuses %s: %s', async (url, reason) => {
    await expect(admittedTarget(url, new AllowedTargets(''))).rejects.toEqual(
      new TargetRefused(reason),
    );
  });

  it('admits a literal public address without resolving it', async () => {
    await expect(
      admittedTarget('https://93.184.216.34/in', new AllowedTargets('')),
    ).resolves.toEqual([{ address: '93.184.216.34', family: 4 }]);
  });
});
