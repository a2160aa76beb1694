import { ValidateBy, ValidationOptions } from 'class-validator';
import { checkEmailAddress, emailRefusal } from './email-address';

/** A string that `checkEmailAddress` accepts (combine with `IsOptional` to allow null). */
export function IsEmailAddress(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isEmailAddress',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && checkEmailAddress(value).reason === null,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? emailRefusal(args.property, checkEmailAddress(args.value).reason!)
            : `${args?.property} must be a string`,
      },
    },
    options,
  );
}
