import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidConfigurationError';
  }
}

/** Variables whose value is a secret: a refusal names them but never shows what they hold. */
const SECRET_VARIABLE = /KEY|SECRET|PASSWORD|TOKEN/;

/** What a refusal shows of a value: secrets not at all, URLs without their user and password. */
function shown(property: string, value: unknown): string {
  if (SECRET_VARIABLE.test(property)) return '[redacted]';
  return JSON.stringify(value)?.replace(/\/\/[^/@\s]*@/g, '//[redacted]@') ?? 'nothing';
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map(
      (reason) => `${error.property}: ${reason} (got ${shown(error.property, error.value)})`,
    ),
  );
}

/**
 * Builds a typed, validated config object from the environment. Variables the environment does
 * not set keep the class defaults; empty strings count as unset. Throws naming every bad variable.
 */
export function validateEnv<T extends object>(
  envClass: new () => T,
  env: Record<string, string | undefined>,
): T {
  const declared = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(envClass, '', true, false)
      .map((metadata) => metadata.propertyName),
  );
  const relevant: Record<string, unknown> = { ...(new envClass() as Record<string, unknown>) };
  for (const key of declared) {
    const value = env[key];
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const config = plainToInstance(envClass, relevant, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) throw new InvalidConfigurationError(describe(errors));
  return config;
}

/** For `main.ts` preambles: validates before any module loads and exits with a readable message. */
export function exitOnInvalidEnv<T extends object>(envClass: new () => T): T {
  try {
    return validateEnv(envClass, process.env);
  } catch (error) {
    if (!(error instanceof InvalidConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
