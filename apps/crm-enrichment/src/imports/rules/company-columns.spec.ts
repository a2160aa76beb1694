import { annualRevenueOf, companyOfRow, employeeRangeOf } from './company-columns';

describe('employeeRangeOf', () => {
  it.each([
    ['250', '201-500'],
    ['51-200', '51-200'],
    ['1,001-5,000', '1001-5000'],
    ['10001+', '10001+'],
    ['10,001+', '10001+'],
    ['7', '1-10'],
    ['11 to 50', '11-50'],
    ['1000', '501-1000'],
    ['12000', '10001+'],
    ['', null],
    ['unknown', null],
    ['0', null],
  ])('%p → %p', (raw, range) => {
    expect(employeeRangeOf(raw)).toBe(range);
  });
});

describe('annualRevenueOf', () => {
  it.each([
    ['12,000,000', '12000000'],
    ['5000000', '5000000'],
    ['$5M', '5000000'],
    ['€750k', '750000'],
    ['1.5B', '1500000000'],
    ['about 5 million', 'about 5 million'],
  ])('%p → %p', (raw, amount) => {
    expect(annualRevenueOf(raw)).toBe(amount);
  });
});

describe('companyOfRow', () => {
  it('links by the website domain and proposes the company values', () => {
    expect(
      companyOfRow({
        companyName: 'Hubexample GmbH',
        companyDomain: 'https://www.hubexample.de/about',
        companyIndustry: 'Computer Software',
        companyEmployees: '51-200',
        companyRevenue: '5000000',
        companyCity: 'Berlin',
        companyCountry: 'Germany',
      }),
    ).toEqual({
      domain: 'hubexample.de',
      name: 'Hubexample GmbH',
      values: [
        { field: 'name', value: 'Hubexample GmbH' },
        { field: 'industry', value: 'Computer Software' },
        { field: 'employeeRange', value: '51-200' },
        { field: 'annualRevenue', value: '5000000' },
        { field: 'city', value: 'Berlin' },
        { field: 'country', value: 'Germany' },
        { field: 'website', value: 'https://hubexample.de' },
      ],
    });
  });

  it.each([
    ['a name only', { companyName: 'Acme' }, { domain: null, name: 'Acme' }],
    ['a bare domain', { companyDomain: 'acme.co.uk' }, { domain: 'acme.co.uk', name: null }],
    ['nothing', {}, { domain: null, name: null, values: [] }],
    ['a count that is no number', { companyEmployees: 'many' }, { values: [] }],
  ])('%s', (_what, company, expected) => {
    expect(companyOfRow(company)).toMatchObject(expected);
  });
});
