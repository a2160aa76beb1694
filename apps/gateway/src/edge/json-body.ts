import { jsonDepth, MAX_INPUT_DEPTH, validationFailed } from '@sales-suite/contracts';
import type { FastifyInstance } from 'fastify';

/**
 * Fastify's JSON parser (prototype poisoning refused) behind a depth check on the raw text: a
 * body nested deeper than any DTO is refused with a 400 before anything walks it recursively.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepth(body as string) > MAX_INPUT_DEPTH)
      return done(
        validationFailed([
          { field: 'body', reason: `nested deeper than ${MAX_INPUT_DEPTH} levels` },
        ]),
        undefined,
      );
    return parseJson(request, body as string, done);
  });
}
