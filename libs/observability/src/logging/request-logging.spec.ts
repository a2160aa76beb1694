import Fastify from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { registerRequestLogging } from './logger.module';
import { registerRequestContext } from './request-context';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, logger: pino({ level }, stream) };
}

async function appWith(level?: string) {
  const { lines, logger } = capture(level);
  const fastify = Fastify({ genReqId: () => 'req-1' });
  registerRequestContext(fastify);
  registerRequestLogging(fastify, () => logger);
  fastify.get('/v1/things/:id', (request, reply) =>
    (request.params as { id: string }).id === 'boom'
      ? reply.code(500).send({ error: 'boom' })
      : { ok: true },
  );
  fastify.get('/health/live', () => ({ status: 'ok' }));
  fastify.get('/t/o/*', { logLevel: 'silent' }, () => 'GIF');
  return { fastify, lines };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('request logging', () => {
  it('logs one line per request with id, method, URL without query values, status and duration, never headers', async () => {
    const { fastify, lines } = await appWith();
    await fastify.inject({
      url: '/v1/things/7?email=jane%40example.com',
      headers: { authorization: 'Bearer ssk_secret' },
    });
    await settle();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      request_id: 'req-1',
      req: { id: 'req-1', method: 'GET', url: '/v1/things/7?email=[redacted]' },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0].responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/ssk_secret|jane|127\.0\.0\.1/);
    await fastify.close();
  });

  it('logs server errors at error level', async () => {
    const { fastify, lines } = await appWith();
    await fastify.inject({ url: '/v1/things/boom' });
    await fastify.inject({ url: '/nowhere' });
    await settle();
    expect(
      lines.map((line) => [line.level, (line.res as { statusCode: number }).statusCode]),
    ).toEqual([
      [50, 500],
      [40, 404],
    ]);
    await fastify.close();
  });

  it('stays quiet for probes, scrapes and silent routes, and below the configured level', async () => {
    const quiet = await appWith();
    await quiet.fastify.inject({ url: '/health/live' });
    await quiet.fastify.inject({ url: '/t/o/some-token.gif' });
    const warnOnly = await appWith('warn');
    await warnOnly.fastify.inject({ url: '/v1/things/1' });
    await settle();
    expect(quiet.lines).toEqual([]);
    expect(warnOnly.lines).toEqual([]);
    await Promise.all([quiet.fastify.close(), warnOnly.fastify.close()]);
  });
});
