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

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<T>;
  send<T>(method: 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown, query?: Query): Promise<T>;
  upload<T>(path: string, file: File, query?: Query): Promise<T>;
}

function url(baseUrl: string, path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

async function problem(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    detail?: unknown;
    code?: unknown;
  } | null;
  const detail =
    typeof body?.detail === 'string' ? body.detail : `${response.status} ${response.statusText}`;
  return new ApiError(response.status, detail, typeof body?.code === 'string' ? body.code : undefined);
}

/**
 * Calls the gateway with the API key in the Authorization header (never in a URL). A 401 also
 * calls `onUnauthenticated`, so that the console goes back to sign-in wherever it happened.
 */
export function createApiClient(options: {
  baseUrl: string;
  apiKey: string;
  onUnauthenticated?: (error: ApiError) => void;
}): ApiClient {
  const headers = { Authorization: `Bearer ${options.apiKey}`, Accept: 'application/json' };
  const call = async <T>(target: string, init: RequestInit): Promise<T> => {
    const response = await fetch(target, init);
    if (!response.ok) {
      const error = await problem(response);
      if (error.status === 401) options.onUnauthenticated?.(error);
      throw error;
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  return {
    get: (path, query) => call(url(options.baseUrl, path, query), { headers }),
    send: (method, path, body, query) =>
      call(url(options.baseUrl, path, query), {
        method,
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    upload: (path, file, query) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return call(url(options.baseUrl, path, query), { method: 'POST', headers, body: form });
    },
  };
}
