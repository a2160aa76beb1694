import { lookup } from 'node:dns/promises';
import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { AllowedTargets, targetHost, urlProblem } from './domain/target-policy';

/** A URL webhooks must not reach; the message says why without naming addresses of the URL. */
export class TargetRefused extends Error {}

export interface TargetAddress {
  address: string;
  family: 4 | 6;
}

/**
 * The addresses a webhook URL reaches, each admitted by the policy; refused when the URL's form is
 * wrong, when its host does not resolve, or when any address it resolves to is private, loopback,
 * link-local, multicast or reserved and not on the allow-list (all, so that a host cannot hide an
 * internal address behind a public one).
 */
export async function admittedTarget(
  raw: string,
  allowed: AllowedTargets,
): Promise<TargetAddress[]> {
  const problem = urlProblem(raw);
  if (problem) throw new TargetRefused(problem);
  const url = new URL(raw);
  const host = targetHost(url);
  const family = isIP(host);
  const addresses: TargetAddress[] =
    family !== 0
      ? [{ address: host, family: family as 4 | 6 }]
      : await lookup(host, { all: true, verbatim: true }).then(
          (found) => found.map(({ address, family: f }) => ({ address, family: f as 4 | 6 })),
          () => {
            throw new TargetRefused('host does not resolve');
          },
        );
  if (addresses.length === 0) throw new TargetRefused('host does not resolve');
  if (addresses.some(({ address }) => !allowed.admits(host, address)))
    throw new TargetRefused(
      'must not reach a private, loopback, link-local, multicast or reserved address',
    );
  return addresses;
}

export interface AttemptResult {
  /** The receiver's HTTP status, or null when none came. */
  status: number | null;
  /** Why the attempt failed (a code, never the URL), or null for a 2xx. */
  error: string | null;
}

/**
 * POSTs one delivery. The host is resolved and checked here, at delivery time, and the connection
 * goes to the very address that was checked (a pinned lookup), so a DNS answer that changed since
 * the subscription was made (DNS rebinding) cannot lead it inside. Redirects are not followed.
 */
export async function postWebhook(
  raw: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  allowed: AllowedTargets,
): Promise<AttemptResult> {
  let addresses: TargetAddress[];
  try {
    addresses = await admittedTarget(raw, allowed);
  } catch (error) {
    return { status: null, error: `refused: ${(error as Error).message}` };
  }
  const url = new URL(raw);
  const [pinned] = addresses;
  const pinnedLookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<AttemptResult>((resolve) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup,
        timeout: timeoutMs,
      },
      (response: IncomingMessage) => {
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          resolve({ status, error: ok ? null : `http ${status}` });
        });
        response.on('error', () =>
          resolve({ status: response.statusCode ?? null, error: 'response aborted' }),
        );
      },
    );
    // The whole exchange must end within the timeout, not only each idle stretch of the socket.
    const deadline = setTimeout(() => request.destroy(new Error('timeout')), timeoutMs);
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      resolve({
        status: null,
        error: error.message === 'timeout' ? 'timeout' : (error.code ?? 'network error'),
      });
    });
    request.on('close', () => clearTimeout(deadline));
    request.end(body);
  });
}
