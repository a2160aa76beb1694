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

/**
 * The `bodySerializer` of multipart routes (CSV/XLSX imports): the typed body's fields as
 * form parts, e.g. `api.POST('/v1/crm/imports', { body: { file }, bodySerializer: formData })`.
 * Pass a File (or a Blob) so the part carries the file name.
 */
export function formData(body: Record<string, Blob | string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) form.append(name, value);
  return form;
}
