import { e2eRun } from './test-env';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiRequest {
  method?: string;
  body?: unknown;
  rawBody?: string;
  key?: string | null;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** A small client for the gateway: the admin key by default, `key: null` for none. */
export function apiClient(baseUrl: string) {
  return async function call<T = Record<string, unknown>>(
    path: string,
    request: ApiRequest = {},
  ): Promise<ApiResponse<T>> {
    const key = request.key === undefined ? e2eRun().adminKey : request.key;
    const headers: Record<string, string> = { ...request.headers };
    if (key) headers.authorization = `Bearer ${key}`;
    let payload: string | undefined = request.rawBody;
    if (request.body !== undefined) {
      payload = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method: request.method ?? (payload === undefined ? 'GET' : 'POST'),
      headers,
      body: payload,
      signal: AbortSignal.timeout(request.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    return {
      status: response.status,
      headers: response.headers,
      body: (isJson && text ? JSON.parse(text) : text) as T,
    };
  };
}
