import { isUniqueViolation } from './unique-violation';

describe('isUniqueViolation', () => {
  const pgError = (code: string, constraint?: string) =>
    Object.assign(new Error('duplicate key value violates unique constraint'), {
      code,
      constraint,
    });
  const typeormError = (driverError: Error) =>
    Object.assign(new Error('query failed'), { driverError });

  it.each([
    ['a unique violation', pgError('23505', 'contacts_email_unique'), undefined, true],
    [
      'of the index asked about',
      pgError('23505', 'contacts_email_unique'),
      'contacts_email_unique',
      true,
    ],
    ['of another index', pgError('23505', 'accounts_domain_key'), 'contacts_email_unique', false],
    ['wrapped by TypeORM', typeormError(pgError('23505', 'x')), 'x', true],
    ['a foreign key violation', pgError('23503', 'x'), undefined, false],
    ['a deadlock', pgError('40P01'), undefined, false],
    ['not an error', 'boom', undefined, false],
    ['null', null, undefined, false],
  ])('%s → %p', (_case, error, constraint, expected) => {
    expect(isUniqueViolation(error, constraint)).toBe(expected);
  });
});
