import type { SalesSuiteClient } from '@sales-suite/client';

export interface CliContext {
  /** The typed client, with the API key. */
  api: SalesSuiteClient;
  out: NodeJS.WriteStream;
  pollMs: number;
  /** Answers a yes/no question (false when nobody can answer). */
  confirm: (question: string) => Promise<boolean>;
}

/** What an openapi-fetch call resolves to: the body on success, the problem on a refusal. */
interface ClientAnswer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer; a refusal throws with its status and problem detail. */
export async function answered<T>(request: Promise<ClientAnswer<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) throw new Error(`${response.status} ${detailOf(error)}`);
  return data as T;
}

function detailOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'detail' in error) return String(error.detail);
  return typeof error === 'string' ? error : JSON.stringify(error);
}
