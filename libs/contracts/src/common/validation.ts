import { ValidationPipe } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { FieldViolation, validationFailed } from '../errors/domain-error';

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
