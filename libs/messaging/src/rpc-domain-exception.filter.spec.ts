import type { ArgumentsHost } from '@nestjs/common';
import { DomainError, ErrorCode, RpcErrorBody } from '@sales-suite/contracts';
import { firstValueFrom, Observable } from 'rxjs';
import { RpcDomainExceptionFilter } from './rpc-domain-exception.filter';

const rpcHost = { getType: () => 'rpc' } as unknown as ArgumentsHost;

/** The RPC error body the filter sends back for what a handler threw. */
async function replyTo(exception: unknown): Promise<RpcErrorBody> {
  const filter = new RpcDomainExceptionFilter();
  const reply = filter.catch(exception, rpcHost) as Observable<never>;
  return firstValueFrom(reply).then(
    () => {
      throw new Error('the filter answered without an error');
    },
    (body: RpcErrorBody) => body,
  );
}

describe('RpcDomainExceptionFilter', () => {
  beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));

  it.each([
    [
      'a domain error keeps its code',
      new DomainError(ErrorCode.LeadNotFound, 'x'),
      ErrorCode.LeadNotFound,
    ],
    [
      'a refused database connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ErrorCode.ServiceUnavailable,
    ],
    [
      'a QueryFailedError from a lost connection',
      Object.assign(new Error('Connection terminated unexpectedly'), {
        name: 'QueryFailedError',
        parameters: ['someone@example.com'],
        driverError: new Error('Connection terminated unexpectedly'),
      }),
      ErrorCode.ServiceUnavailable,
    ],
    [
      'a QueryFailedError from a restarting server',
      Object.assign(new Error('the database system is shutting down'), {
        name: 'QueryFailedError',
        code: '57P03',
      }),
      ErrorCode.ServiceUnavailable,
    ],
    [
      'a QueryFailedError from a bad statement stays a bug',
      Object.assign(new Error('column "x" does not exist'), {
        name: 'QueryFailedError',
        code: '42703',
      }),
      ErrorCode.Internal,
    ],
    ['a bug', new TypeError('undefined is not a function'), ErrorCode.Internal],
  ])('%s', async (_what, exception, code) => {
    const body = await replyTo(exception);
    expect(body.code).toBe(code);
    expect(JSON.stringify(body)).not.toContain('example.com');
  });
});
