import { ValidationPipe } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { DomainError, FieldViolation } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

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

export function validationFailed(violations: FieldViolation[]): DomainError {
  const summary = violations.map((v) => `${v.field}: ${v.reason}`).join('; ');
  return new DomainError(ErrorCode.ValidationFailed, `Invalid input: ${summary}`, { violations });
}

/**
 * The one validation pipe used at every edge (HTTP at the gateway, NATS in each service): unknown
 * fields are refused, values are transformed to the DTO's types, and failures become a
 * VALIDATION_FAILED domain error naming each field instead of a bare 500.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(toFieldViolations(errors)),
  });
}
