import type { ConfigService } from '@nestjs/config';
import { DomainError, ERROR_HTTP_STATUS, ErrorCode } from '@sales-suite/contracts';
import { ErrorCode as NatsErrorCode, NatsError } from 'nats';
import type { NatsClientService } from './nats-client.service';
import { NatsRequester } from './nats-requester';

const config = { get: () => 1000 } as unknown as ConfigService;

/** A requester whose connection fails as `failure` says (or is not there at all). */
function requesterFailing(failure: NatsError | 'not connected'): NatsRequester {
  const nats = {
    subjectPrefix: '',
    get connection() {
      if (failure === 'not connected') throw new Error('NATS is not connected yet');
      return { request: () => Promise.reject(failure) };
    },
  } as unknown as NatsClientService;
  return new NatsRequester(nats, config);
}

describe('NatsRequester: transport failures during a failover', () => {
  it.each([
    [
      'nobody subscribed',
      ErrorCode.ServiceUnavailable,
      new NatsError('503', NatsErrorCode.NoResponders),
    ],
    [
      'no answer in time',
      ErrorCode.ServiceTimeout,
      new NatsError('TIMEOUT', NatsErrorCode.Timeout),
    ],
    [
      'the connection closed',
      ErrorCode.ServiceUnavailable,
      new NatsError('CONNECTION_CLOSED', NatsErrorCode.ConnectionClosed),
    ],
    [
      'the connection draining',
      ErrorCode.ServiceUnavailable,
      new NatsError('CONNECTION_DRAINING', NatsErrorCode.ConnectionDraining),
    ],
    ['never connected', ErrorCode.ServiceUnavailable, 'not connected' as const],
  ])('%s → %s, answered 503', async (_what, code, failure) => {
    const error = await requesterFailing(failure)
      .request('glossary.term.get', { slug: 'x' })
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect(ERROR_HTTP_STATUS[code]).toBe(503);
  });
});
