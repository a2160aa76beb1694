import { request } from 'node:http';
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

/**
 * A POST whose body is over the server's limit, declared by its Content-Length. A server refuses it
 * (413) on the headers alone and closes the connection, and a client still writing the body then
 * fails with EPIPE instead of reading the answer (fetch does, now and then, under load). The body
 * is written only if no answer came on the headers within a second, and a write error after the
 * answer is ignored.
 */
export function postOverLimit<T = Record<string, unknown>>(
  url: string,
  bytes: number,
  headers: Record<string, string>,
): Promise<ApiResponse<T>> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(bytes) } },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers))
            if (value !== undefined)
              responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
          const isJson = (responseHeaders.get('content-type') ?? '').includes('json');
          resolve({
            status: response.statusCode ?? 0,
            headers: responseHeaders,
            body: (isJson && text ? JSON.parse(text) : text) as T,
          });
        });
      },
    );
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    outgoing.setTimeout(15_000, () => outgoing.destroy(new Error('no answer')));
    outgoing.flushHeaders();
    setTimeout(() => {
      if (!answered) outgoing.end(Buffer.alloc(bytes, 'x'));
    }, 1000);
  });
}
