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
      new NatsError('503', NatsErrorCode.NoResponders),
      ErrorCode.ServiceUnavailable,
    ],
    [
      'no answer in time',
      new NatsError('TIMEOUT', NatsErrorCode.Timeout),
      ErrorCode.ServiceTimeout,
    ],
    [
      'the connection closed',
      new NatsError('CONNECTION_CLOSED', NatsErrorCode.ConnectionClosed),
      ErrorCode.ServiceUnavailable,
    ],
    [
      'the connection draining',
      new NatsError('CONNECTION_DRAINING', NatsErrorCode.ConnectionDraining),
      ErrorCode.ServiceUnavailable,
    ],
    ['never connected', 'not connected' as const, ErrorCode.ServiceUnavailable],
  ])('%s → %s, answered 503', async (_what, failure, code) => {
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
