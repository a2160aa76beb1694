import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import { e2eRun } from '../support/test-env';

export const USER_AGENTS = {
  thunderbird: 'Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0',
  appleMail:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
  gmailProxy:
    'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  outlook: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)',
  mimecast: 'Mozilla/5.0 (compatible; Mimecast URL Protect)',
  curl: 'curl/8.5.0',
};

/** The pixel's path from its absolute URL (tests talk to the gateway they started). */
export function pixelPath(pixelUrl: string): string {
  return new URL(pixelUrl).pathname;
}

export async function fetchPixel(
  gatewayUrl: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(`${gatewayUrl}${path}`, { method, headers });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

export async function withDatabase<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: e2eRun().databaseUrl });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

export async function connectNats(): Promise<NatsConnection> {
  return connect({ servers: e2eRun().natsUrl });
}
