import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { FieldViolation, validationFailed } from '../errors/domain-error';
import { findUnsafeInput } from './unsafe-input';

/** Flattens class-validator's tree into `field: reason` pairs with dotted paths (`aliases.0`). */
export function toFieldViolations(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, reason]) => ({
      field,
      reason: constraint === 'whitelistValidation' ? `property ${field} is not allowed` : reason,
    }));
    return [...own, ...toFieldViolations(error.children ?? [], field)];
  });
}

const RAW_TEXT_FIELDS = Symbol('rawTextFields');

/**
 * Marks a field that carries a raw file (CSV text or its rows): NUL bytes and lone surrogates in
 * it are reported row by row by the service that reads it, not refused for the whole request.
 */
export function RawText(): PropertyDecorator {
  return (target, property) => {
    const fields = new Set<string>(Reflect.getMetadata(RAW_TEXT_FIELDS, target.constructor) ?? []);
    fields.add(String(property));
    Reflect.defineMetadata(RAW_TEXT_FIELDS, fields, target.constructor);
  };
}

/**
 * Refuses, before class-transformer walks it, input that cannot be stored or is nested too deep:
 * NUL bytes and lone surrogates anywhere (body, query, path parameters, NATS payloads), naming
 * the field. A body that is a bare string is a raw file (`text/csv`), checked by its consumer.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const checked = ['body', 'query', 'param'].includes(metadata.type);
    if (checked && !(metadata.type === 'body' && typeof value === 'string')) {
      const violations = findUnsafeInput(value, {
        rawTextFields: metadata.metatype
          ? Reflect.getMetadata(RAW_TEXT_FIELDS, metadata.metatype)
          : undefined,
      });
      if (violations.length > 0) throw validationFailed(violations);
    }
    return super.transform(value, metadata);
  }
}

/**
 * The one validation pipe used at every edge (HTTP at the gateway, NATS in each service): unsafe
 * text is refused, unknown fields are refused, values are transformed to the DTO's types, and
 * failures become a VALIDATION_FAILED domain error naming each field instead of a bare 500.
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(toFieldViolations(errors)),
  });
}
