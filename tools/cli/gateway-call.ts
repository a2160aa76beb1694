export interface CliContext {
  baseUrl: string;
  apiKey: string;
  out: NodeJS.WriteStream;
  pollMs: number;
  /** Answers a yes/no question (false when nobody can answer). */
  confirm: (question: string) => Promise<boolean>;
}

/** One request to the gateway with the API key; a refusal throws with its status and detail. */
export async function call<T>(
  context: CliContext,
  path: string,
  init: RequestInit = {},
): Promise<T> {
  const response = await fetch(`${context.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${context.apiKey}`, ...init.headers },
  });
  const text = await response.text();
  const body = text
    ? (JSON.parse(text) as T & { detail?: string; title?: string })
    : ({} as T & { detail?: string });
  if (!response.ok)
    throw new Error(`${response.status} ${(body as { detail?: string }).detail ?? text}`);
  return body;
}
