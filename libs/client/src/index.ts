import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** The body of every 4xx/5xx answer (RFC 9457 problem+json). */
export type Problem = components['schemas']['ProblemDetailsView'];

export type SalesSuiteClient = Client<paths>;

export interface SalesSuiteClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** The gateway's origin, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>`; omit it for the few public routes. */
  apiKey?: string;
}

/**
 * A typed client of the sales-suite API (an openapi-fetch client): paths, parameters, bodies,
 * answers and problem+json errors come from the gateway's OpenAPI document. It uses the global
 * `fetch`, so it runs in browsers and in Node alike.
 */
export function createSalesSuiteClient(options: SalesSuiteClientOptions): SalesSuiteClient {
  const { apiKey, ...rest } = options;
  const client = createClient<paths>(rest);
  if (apiKey) {
    client.use({
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${apiKey}`);
        return request;
      },
    });
  }
  return client;
}
