import { Type } from 'class-transformer';
import { IsString, MaxLength, ValidateNested, validateSync } from 'class-validator';
import { DomainError, validationFailed } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { decodeCursor, encodeCursor } from './pagination';
import { createValidationPipe, RawText, toFieldViolations } from './validation';

class Source {
  @IsString() @MaxLength(5) title: string;
}
class Term {
  @IsString() name: string;
  @ValidateNested({ each: true }) @Type(() => Source) sources: Source[];
}

describe('toFieldViolations', () => {
  it('flattens nested errors into dotted field paths with their reasons', () => {
    const term = Object.assign(new Term(), {
      name: 42,
      sources: [Object.assign(new Source(), { title: 'too long' })],
    });
    const violations = toFieldViolations(validateSync(term));
    expect(violations).toEqual([
      { field: 'name', reason: 'name must be a string' },
      { field: 'sources.0.title', reason: 'title must be shorter than or equal to 5 characters' },
    ]);
  });

  it('says plainly that an unknown property is not allowed', () => {
    const violations = toFieldViolations([
      {
        property: 'color',
        constraints: { whitelistValidation: 'property color should not exist' },
        children: [],
      },
    ]);
    expect(violations).toEqual([{ field: 'color', reason: 'property color is not allowed' }]);
  });
});

describe('validationFailed', () => {
  it('is a VALIDATION_FAILED domain error listing each field', () => {
    const error = validationFailed([
      { field: 'slug', reason: 'bad slug' },
      { field: 'name', reason: 'too long' },
    ]);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toBe('Invalid input: slug: bad slug; name: too long');
    expect(error.details?.violations).toHaveLength(2);
  });
});

describe('cursors', () => {
  it.each(['sales-champion', 'a', 'ünïcödé key', ''])(
    'round-trip %j through an opaque URL-safe string',
    (key) => {
      const cursor = encodeCursor(key);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeCursor(cursor)).toBe(key);
    },
  );
});

describe('DomainError.fromRpcBody', () => {
  it('rebuilds a known error with its details', () => {
    const error = DomainError.fromRpcBody({
      code: 'GLOSSARY_TERM_NOT_FOUND',
      message: 'gone',
      details: { slug: 'x' },
    });
    expect(error).toMatchObject({
      code: ErrorCode.GlossaryTermNotFound,
      message: 'gone',
      details: { slug: 'x' },
    });
  });

  it.each([
    undefined,
    null,
    'Internal server error',
    { status: 'error', message: 'Internal server error' },
    { code: 'NOPE' },
  ])('turns anything else (%j) into INTERNAL without leaking it', (body) => {
    const error = DomainError.fromRpcBody(body);
    expect(error.code).toBe(ErrorCode.Internal);
    expect(error.details).toBeUndefined();
  });
});

describe('createValidationPipe: unsafe input', () => {
  class Upload {
    @IsString() name: string;
    @IsString() @RawText() csv: string;
  }
  const pipe = createValidationPipe();
  const refusal = (value: unknown, type: 'body' | 'query' | 'param', metatype?: new () => object) =>
    pipe.transform(value, { type, metatype }).then(
      () => null,
      (error: DomainError) => error.details?.violations,
    );

  it.each([
    [
      'a NUL in a body field',
      { name: 'a\u0000', csv: '' },
      'body',
      [{ field: 'name', reason: 'contains a NUL byte' }],
    ],
    [
      'a lone surrogate in a query parameter',
      { name: '\ud800', csv: '' },
      'query',
      [{ field: 'name', reason: 'contains a lone UTF-16 surrogate' }],
    ],
    [
      'a NUL in a path parameter',
      { name: 'x\u0000', csv: '' },
      'param',
      [{ field: 'name', reason: 'contains a NUL byte' }],
    ],
    [
      'a NUL in a raw text field (its consumer reports the row)',
      { name: 'a', csv: 'x\u0000' },
      'body',
      null,
    ],
  ] as const)('%s', async (_what, value, type, violations) => {
    expect(await refusal(value, type, Upload)).toEqual(violations);
  });

  it('leaves a bare string body (a text/csv file) to its consumer', async () => {
    expect(await pipe.transform('slug\n\u0000', { type: 'body', metatype: Object })).toBe(
      'slug\n\u0000',
    );
  });
});
