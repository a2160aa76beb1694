import { nameFromEmailLocalPart, normalizeNameCasing, splitFullName } from './name.rules';

describe('normalizeNameCasing', () => {
  it.each([
    ['JOHN', 'John'],
    ['john', 'John'],
    ['mary-jane', 'Mary-Jane'],
    ["o'neil", "O'Neil"],
    ['mcdonald', 'McDonald'],
    ['LUDWIG VAN BEETHOVEN', 'Ludwig van Beethoven'],
    ['DeShawn', 'DeShawn'],
    ['MacKenzie', 'MacKenzie'],
    ['  anne   marie ', 'Anne Marie'],
    ['élodie', 'Élodie'],
    ["d'angelo", "D'Angelo"],
  ])('%p → %p', (input, output) => {
    expect(normalizeNameCasing(input)).toBe(output);
  });
});

describe('splitFullName', () => {
  it.each([
    ['John Doe', 'John', 'Doe'],
    ['doe, john', 'John', 'Doe'],
    ['Dr. John Q. Doe Jr.', 'John', 'Doe'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['Charles de Gaulle', 'Charles', 'de Gaulle'],
    ['Madonna', 'Madonna', null],
    ['Mr Smith', 'Smith', null],
  ])('%p → %p %p', (input, firstName, lastName) => {
    expect(splitFullName(input)).toMatchObject({ firstName, lastName });
  });

  it('gives nothing for blank input', () => {
    expect(splitFullName('  ')).toEqual({ firstName: null, lastName: null, fullName: null });
  });
});

describe('nameFromEmailLocalPart', () => {
  it.each([
    ['john.doe', 'John', 'Doe'],
    ['jean-luc.picard', 'Jean-Luc', 'Picard'],
    ['anna_schmidt+crm', 'Anna', 'Schmidt'],
  ])('%s → %s %s', (local, firstName, lastName) => {
    expect(nameFromEmailLocalPart(local)).toMatchObject({ firstName, lastName });
  });

  it.each([['jdoe'], ['info'], ['j.doe'], ['john.doe2'], ['a.b.c']])(
    '%s gives nothing',
    (local) => {
      expect(nameFromEmailLocalPart(local)).toBeNull();
    },
  );
});
