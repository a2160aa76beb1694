import { DomainError } from '../errors/domain-error';
import { createValidationPipe } from '../common/validation';
import { CreateErasureDto } from './privacy.dto';

const validate = (body: unknown) =>
  createValidationPipe().transform(body, { type: 'body', metatype: CreateErasureDto });

describe('CreateErasureDto', () => {
  it.each([
    { email: 'person@example.com' },
    { contactId: 'c-1' },
    { email: 'person@example.com', contactId: 'c-1' },
  ])('accepts %j', async (body) => {
    await expect(validate(body)).resolves.toEqual(body);
  });

  it.each([
    [{ email: null }, 'email'],
    [{ contactId: null }, 'contactId'],
    [{ email: 'person@example.com', contactId: null }, 'contactId'],
    [{ email: 42 }, 'email'],
    [{ email: 'bad@@example.com' }, 'email'],
    [{ contactId: '' }, 'contactId'],
  ])('refuses %j, naming %s (null is not "left out")', async (body, field) => {
    const error = (await validate(body).catch((caught: unknown) => caught)) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.details?.violations?.map((violation) => violation.field)).toContain(field);
  });
});
