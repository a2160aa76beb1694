import { DomainError } from '../errors/domain-error';
import { createValidationPipe } from '../common/validation';
import { UpdateApiKeyDto } from './api-key.dto';

const validate = (body: unknown) =>
  createValidationPipe().transform(body, { type: 'body', metatype: UpdateApiKeyDto });

describe('UpdateApiKeyDto', () => {
  it.each([{}, { name: 'crm-sync' }, { scopes: ['crm:read'] }])('accepts %j', async (body) => {
    await expect(validate(body)).resolves.toEqual(body);
  });

  it.each([
    [{ name: null }, 'name'],
    [{ scopes: null }, 'scopes'],
    [{ name: 'crm-sync', scopes: null }, 'scopes'],
  ])(
    'refuses %j, naming %s (a key without a name or scopes cannot be stored)',
    async (body, field) => {
      const error = (await validate(body).catch((caught: unknown) => caught)) as DomainError;
      expect(error).toBeInstanceOf(DomainError);
      expect(error.details?.violations?.map((violation) => violation.field)).toContain(field);
    },
  );
});
