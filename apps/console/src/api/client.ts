import { createSalesSuiteClient, type SalesSuiteClient } from '@sales-suite/client';

/** An answer other than 2xx, with its problem+json `detail` when the gateway sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly code?: string,
  ) {
    super(detail);
  }
}

export type ApiClient = SalesSuiteClient;

/**
 * The typed client (@sales-suite/client) with the API key in the Authorization header (never in a
 * URL). A 401 also calls `onUnauthenticated`, so that the console goes back to sign-in from
 * wherever it happened (a key revoked while the tab was open).
 */
export function createApiClient(options: {
  apiKey: string;
  onUnauthenticated?: (error: ApiError) => void;
}): ApiClient {
  const client = createSalesSuiteClient({ baseUrl: location.origin, apiKey: options.apiKey });
  const onUnauthenticated = options.onUnauthenticated;
  if (onUnauthenticated)
    client.use({
      async onResponse({ response }) {
        if (response.status === 401) onUnauthenticated(await problemOf(response.clone()));
        return undefined;
      },
    });
  return client;
}

async function problemOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    detail?: unknown;
    code?: unknown;
  } | null;
  return toApiError(response, body);
}

function toApiError(response: Response, body: unknown): ApiError {
  const problem = (body ?? {}) as { detail?: unknown; code?: unknown };
  const detail =
    typeof problem.detail === 'string'
      ? problem.detail
      : `${response.status} ${response.statusText}`;
  return new ApiError(
    response.status,
    detail,
    typeof problem.code === 'string' ? problem.code : undefined,
  );
}

/** The body of a 2xx answer, or an ApiError carrying the problem+json `detail`. */
export async function data<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data: body, error, response } = await call;
  if (!response.ok || error !== undefined) throw toApiError(response, error);
  return body as T;
}
