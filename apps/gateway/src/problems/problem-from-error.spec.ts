import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import {
  DomainError,
  ERROR_HTTP_STATUS,
  ErrorCode,
  toProblemDetails,
} from '@sales-suite/contracts';
import { domainErrorFrom } from './problem-from-error';

describe('domainErrorFrom', () => {
  it('keeps domain errors as they are', () => {
    const error = new DomainError(ErrorCode.GlossaryTermNotFound, 'gone');
    expect(domainErrorFrom(error)).toBe(error);
  });

  it('names the body or the content type in the 4xx Fastify hands over as HttpException', () => {
    const unsupported = new HttpException('Unsupported Media Type', 415);
    expect(domainErrorFrom(unsupported)?.details?.violations).toEqual([
      { field: 'content-type', reason: 'Unsupported Media Type' },
    ]);
    expect(domainErrorFrom(new NotFoundException())?.details).toBeUndefined();
  });

  it.each([
    [new BadRequestException('bad'), ErrorCode.ValidationFailed],
    [new ForbiddenException(), ErrorCode.Forbidden],
    [new NotFoundException('Cannot GET /nope'), ErrorCode.NotFound],
  ])('maps Nest HTTP exceptions by status (%s)', (exception, code) => {
    expect(domainErrorFrom(exception)?.code).toBe(code);
  });

  it.each([
    [
      { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'Request body is too large' },
      ErrorCode.PayloadTooLarge,
    ],
    [
      {
        statusCode: 415,
        code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        message: 'Unsupported Media Type',
      },
      ErrorCode.UnsupportedMediaType,
    ],
    [
      { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY', message: 'Body is not valid JSON' },
      ErrorCode.ValidationFailed,
    ],
  ])('maps Fastify client errors (%j)', (error, code) => {
    expect(domainErrorFrom(error)?.code).toBe(code);
  });

  it.each([
    [415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Unsupported Media Type', 'content-type'],
    [413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large', 'body'],
    [400, 'FST_ERR_CTP_EMPTY_JSON_BODY', 'Body cannot be empty', 'body'],
    [400, undefined, 'Object contains forbidden prototype property', 'body'],
  ])(
    'names the part of the request a Fastify %i (%s) is about',
    (statusCode, code, message, field) => {
      expect(domainErrorFrom({ statusCode, code, message })?.details?.violations).toEqual([
        { field, reason: message },
      ]);
    },
  );

  it.each([
    [
      'refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'restarting',
      Object.assign(new Error('terminating connection due to administrator command'), {
        name: 'QueryFailedError',
        code: '57P01',
      }),
    ],
  ])('answers 503, not 500, when its database is %s', (_what, error) => {
    expect(domainErrorFrom(error)?.code).toBe(ErrorCode.ServiceUnavailable);
  });

  it('treats server-side failures as bugs (null → 500)', () => {
    expect(domainErrorFrom(new Error('boom'))).toBeNull();
    expect(domainErrorFrom(new InternalServerErrorException())).toBeNull();
    expect(domainErrorFrom({ statusCode: 500, message: 'x' })).toBeNull();
  });
});

describe('toProblemDetails', () => {
  it('renders RFC 9457 fields with the code, the instance and the field violations', () => {
    const problem = toProblemDetails(
      new DomainError(ErrorCode.ValidationFailed, 'Invalid input: slug: bad', {
        violations: [{ field: 'slug', reason: 'bad' }],
      }),
      '/v1/glossary/terms',
    );
    expect(problem).toEqual({
      type: 'urn:sales-suite:problem:validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'Invalid input: slug: bad',
      code: 'VALIDATION_FAILED',
      instance: '/v1/glossary/terms',
      errors: [{ field: 'slug', reason: 'bad' }],
    });
  });

  it.each([
    // [code, status, retryAfterSeconds in the body and the Retry-After header]
    [ErrorCode.ServiceUnavailable, 503, 1],
    [ErrorCode.ServiceTimeout, 503, 1],
    [ErrorCode.Internal, 500, undefined],
    [ErrorCode.NotFound, 404, undefined],
  ])('answers %s with status %i and Retry-After %p', (code, status, retryAfterSeconds) => {
    const problem = toProblemDetails(new DomainError(code, 'x'));
    expect(problem.status).toBe(status);
    expect(problem.retryAfterSeconds).toBe(retryAfterSeconds);
  });

  it('keeps a Retry-After the error states itself', () => {
    const limited = new DomainError(ErrorCode.RateLimited, 'x', { retryAfterSeconds: 42 });
    expect(toProblemDetails(limited)).toMatchObject({ status: 429, retryAfterSeconds: 42 });
    const unavailable = new DomainError(ErrorCode.ServiceUnavailable, 'x', {
      retryAfterSeconds: 5,
    });
    expect(toProblemDetails(unavailable).retryAfterSeconds).toBe(5);
  });

  it('has a status and a title for every error code', () => {
    for (const code of Object.values(ErrorCode)) {
      const problem = toProblemDetails(new DomainError(code, 'x'));
      expect(problem.status).toBe(ERROR_HTTP_STATUS[code]);
      expect(problem.title).not.toBe('Error');
    }
  });
});
