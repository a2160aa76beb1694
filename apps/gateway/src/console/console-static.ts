import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { HelmetOptions } from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { computeSecurityHeaders } from '../security/security-headers';

export const CONSOLE_PREFIX = '/console';

/** Where `npm run build` puts the console (Vite's outDir), beside the built gateway. */
export const CONSOLE_ROOT = join(__dirname, '../../../console');

/**
 * The console's policy: its own origin only, no inline script or style, no frames, no plugins.
 * Stricter than the API's (whose /docs page needs inline code), so it replaces it on these routes.
 */
export const CONSOLE_HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
};

/** Vite names built assets by content hash: a changed file has a new name, so a year is safe. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: revalidated on every load so a deploy shows at once. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built console at /console: hashed assets under /console/assets/ with long-cache
 * immutable headers, index.html (no-cache) for /console and for every other path below it (the
 * client's routes, so a reload or a shared link works). Public, and outside Nest's router: no
 * API key and no per-key rate limit, as the files are the same for everyone and cost no service
 * (the ingress limits abusive clients, as for /docs); the API calls the console makes are
 * authenticated and rate limited as any other. Returns false when the console was not built.
 */
export async function registerConsole(
  fastify: FastifyInstance,
  root: string = CONSOLE_ROOT,
): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  const headers = computeSecurityHeaders(CONSOLE_HELMET_OPTIONS);
  await fastify.register(async (scope) => {
    // Runs after the gateway's own headers hook: these replace its looser policy.
    scope.addHook('onRequest', (_request, reply, done) => {
      void reply.headers(headers);
      done();
    });
    await scope.register(fastifyStatic, {
      root,
      prefix: `${CONSOLE_PREFIX}/`,
      // Files are listed once at startup (every replica serves the same build); the fallback
      // below answers every other path.
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, path: string) =>
        void reply.header('cache-control', path.includes('/assets/') ? IMMUTABLE : REVALIDATE),
    });
    const index = (_request: unknown, reply: FastifyReply) => reply.sendFile('index.html');
    scope.get(CONSOLE_PREFIX, index);
    scope.get(`${CONSOLE_PREFIX}/`, index);
    scope.get(`${CONSOLE_PREFIX}/*`, (request, reply) => {
      const rest = (request.params as Record<string, string | undefined>)['*'] ?? '';
      // A missing asset is a 404, never a page: a stale index.html must not load HTML as script.
      if (rest.startsWith('assets/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  });
  return true;
}
