import {
  ColumnTarget,
  headerKey,
  mapColumns,
  mappingViolations,
  rowToInput,
  unsafeCell,
} from './csv-columns';

describe('mapColumns', () => {
  it.each([
    ['first_name', 'firstName'],
    ['First Name', 'firstName'],
    ['firstName', 'firstName'],
    ['FIRST-NAME', 'firstName'],
    ['Given Name', 'firstName'],
    ['Prénom', 'firstName'],
    ['Vorname', 'firstName'],
    ['last_name', 'lastName'],
    ['Surname', 'lastName'],
    ['Nachname', 'lastName'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['email', 'email'],
    ['Work Email', 'email'],
    ['\uFEFFEmail', 'email'],
    ['Job Title', 'title'],
    ['title', 'title'],
    ['Position', 'title'],
    ['Phone Number', 'phone'],
    ['Mobile Phone', 'mobilePhone'],
    ['Work Direct Phone', 'directPhone'],
    ['Corporate Phone', 'corporatePhone'],
    ['Tel.', 'phone'],
    ['Country/Region', 'country'],
    ['Country', 'country'],
    ['City', 'city'],
    ['Lead Source', 'source'],
    ['Contact Owner', 'ownerId'],
    ['Do Not Contact', 'doNotContact'],
    ['Name', 'fullName'],
    ['Full Name', 'fullName'],
  ])('%p → %s', (header, field) => {
    expect(mapColumns([header]).mapped[header]).toBe(field);
  });

  it('reports ignored, duplicated and missing columns; the best-ranked spelling takes a field', () => {
    const mapping = mapColumns(['Email', 'Favourite colour', 'E-mail', 'First Name', '']);
    expect(mapping.ignored).toEqual(['Favourite colour']);
    expect(mapping.duplicated).toEqual(['E-mail']);
    expect(mapping.missing).toEqual([]);
    expect(mapping.columns).toEqual(['email', null, null, 'firstName', null]);
    expect(mapColumns(['First Name', 'Last Name']).missing).toEqual(['email']);
    const hubspot = mapColumns(['Lead Status', 'Email', 'Lifecycle Stage']);
    expect(hubspot.columns).toEqual([null, 'email', 'lifecycleStage']);
    expect(hubspot.duplicated).toEqual(['Lead Status']);
  });

  it('applies a person’s mapping over detection, with full confidence', () => {
    const headers = ['Courriel pro', 'Email', 'Status', 'Notes'];
    const mapping = mapColumns(headers, { 'Courriel pro': 'email', Notes: 'ignore' });
    expect(mapping.columns).toEqual(['email', null, 'lifecycleStage', 'ignore']);
    expect(mapping.confidence).toEqual([1, 0, 0.6, 1]);
    expect(mapping.duplicated).toEqual(['Email']);
    expect(mapping.ignored).toEqual([]);
    expect(mapping.mapped).toEqual({
      'Courriel pro': 'email',
      Status: 'lifecycleStage',
      Notes: 'ignore',
    });
  });

  it.each([
    ['a known column and field', { Email: 'email' }, []],
    ['ignore', { Notes: 'ignore' }, []],
    ['a column the file lacks', { Phone: 'phone' }, ['mapping.Phone']],
    ['no such field', { Notes: 'favouriteColour' }, ['mapping.Notes']],
  ])('mappingViolations: %s', (_what, mapping, fields) => {
    expect(mappingViolations(['Email', 'Notes'], mapping).map((v) => v.field)).toEqual(fields);
  });

  it('normalises header keys', () => {
    expect(headerKey(' Phone_Number ')).toBe('phonenumber');
  });
});

describe('rowToInput', () => {
  const headers = ['Email', 'First Name', 'Do Not Contact', 'Notes'];
  const columns = mapColumns(headers).columns;

  it('reads cells by column, skipping blanks, keeping unknown columns by header', () => {
    expect(rowToInput([' a@b.com ', '', 'yes', 'hello'], columns, headers)).toEqual({
      values: {
        input: { email: 'a@b.com', doNotContact: true },
        phones: {},
        company: {},
        lifecycleStage: null,
        createDate: null,
        custom: { Notes: 'hello' },
        companyCells: {},
      },
      error: null,
    });
  });

  it('keeps phone kinds apart, the first present as the phone, and reads company columns', () => {
    const apollo = [
      'Email',
      'Work Direct Phone',
      'Mobile Phone',
      'Corporate Phone',
      'Company',
      'Website',
      '# Employees',
      'Stage',
    ];
    const { values } = rowToInput(
      [
        'a@acme-widgets.com',
        '',
        '+1 415 555 0100',
        '+1 415 555 0199',
        'Acme',
        'acme-widgets.com',
        '51-200',
        'Cold',
      ],
      mapColumns(apollo).columns,
      apollo,
    );
    expect(values.input).toEqual({ email: 'a@acme-widgets.com', phone: '+1 415 555 0100' });
    expect(values.phones).toEqual({
      mobilePhone: '+1 415 555 0100',
      corporatePhone: '+1 415 555 0199',
    });
    expect(values.company).toEqual({
      companyName: 'Acme',
      companyDomain: 'acme-widgets.com',
      companyEmployees: '51-200',
    });
    expect(values.lifecycleStage).toBe('Cold');
    expect(values.custom).toEqual({ Stage: 'Cold' });
    expect(values.companyCells).toEqual({
      Company: 'Acme',
      Website: 'acme-widgets.com',
      '# Employees': '51-200',
    });
  });

  it('drops the columns mapped to ignore', () => {
    const withNotes = mapColumns(headers, { Notes: 'ignore' }).columns;
    expect(rowToInput(['a@b.com', '', '', 'hello'], withNotes, headers).values.custom).toEqual({});
  });

  it('reports an unreadable yes/no and a missing email', () => {
    expect(rowToInput(['a@b.com', 'A', 'perhaps'], columns).error).toEqual({
      field: 'doNotContact',
      reason: '"perhaps" is not yes/no',
    });
    expect(rowToInput(['', 'A', 'no'], columns).error).toEqual({
      field: 'email',
      reason: 'email is empty',
    });
  });

  it.each([
    ['bad@@example', 'local_part_invalid'],
    ['a@b', 'domain_invalid'],
    ['jane doe@acme.com', 'local_part_invalid'],
    ['jane@acme', 'domain_invalid'],
  ])('reports the email %p as invalid (%s), so the row is not imported', (email, reason) => {
    expect(rowToInput([email, 'A', 'no'], columns).error).toEqual({
      field: 'email',
      reason: expect.stringContaining(`email is not a valid email address (${reason})`),
    });
  });
});

describe('unsafeCell', () => {
  const columns: ColumnTarget[] = ['email', 'firstName', null, 'ignore'];
  it.each([
    ['a clean row', ['a@x.example', 'Ann', 'note'], null],
    [
      'a NUL in a mapped column',
      ['a@x.example', 'A\u0000nn', ''],
      { field: 'firstName', reason: 'contains a NUL byte' },
    ],
    [
      'a surrogate in a column not imported',
      ['a@x.example', 'Ann', '\ud800'],
      { field: 'column 3', reason: 'contains a lone UTF-16 surrogate' },
    ],
    [
      'a cell in an ignored column',
      ['a@x.example', 'Ann', '', '\u0000'],
      { field: 'column 4', reason: 'contains a NUL byte' },
    ],
    [
      'a cell past the known columns',
      ['a@x.example', 'Ann', '', '', '\u0000'],
      { field: 'column 5', reason: 'contains a NUL byte' },
    ],
    [
      'the first bad cell of several',
      ['\u0000', '\u0000', ''],
      { field: 'email', reason: 'contains a NUL byte' },
    ],
  ])('%s', (_what, cells, rejection) => {
    expect(unsafeCell(cells, columns)).toEqual(rejection);
  });
});
