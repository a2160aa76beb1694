import { analyzeEmail, companyNameFromDomain, registrableDomainOf } from './email.rules';

describe('analyzeEmail', () => {
  const valid: [string, string, string, string][] = [
    // raw, normalized, registrable domain, dedupe key
    ['john.doe@acme.com', 'john.doe@acme.com', 'acme.com', 'john.doe@acme.com'],
    ['  John.Doe@ACME.com ', 'john.doe@acme.com', 'acme.com', 'john.doe@acme.com'],
    ['John Doe <john@acme.io>', 'john@acme.io', 'acme.io', 'john@acme.io'],
    ['mailto:jane@example.org?subject=hi', 'jane@example.org', 'example.org', 'jane@example.org'],
    ['j.smith@mail.bbc.co.uk', 'j.smith@mail.bbc.co.uk', 'bbc.co.uk', 'j.smith@mail.bbc.co.uk'],
    ['anna@firma.com.au', 'anna@firma.com.au', 'firma.com.au', 'anna@firma.com.au'],
    ['J.Doe+crm@gmail.com', 'j.doe+crm@gmail.com', 'gmail.com', 'jdoe@gmail.com'],
    ['jdoe@googlemail.com', 'jdoe@googlemail.com', 'googlemail.com', 'jdoe@gmail.com'],
    ['first.last+news@acme.com', 'first.last+news@acme.com', 'acme.com', 'first.last@acme.com'],
    ["o'brien@acme.ie", "o'brien@acme.ie", 'acme.ie', "o'brien@acme.ie"],
    ['müller@bücher.de', 'müller@xn--bcher-kva.de', 'xn--bcher-kva.de', 'müller@xn--bcher-kva.de'],
    [
      'x@sub.domain.example.com',
      'x@sub.domain.example.com',
      'example.com',
      'x@sub.domain.example.com',
    ],
    ['dev@startup.dev', 'dev@startup.dev', 'startup.dev', 'dev@startup.dev'],
    [
      'a_b-c@my-company.co.jp',
      'a_b-c@my-company.co.jp',
      'my-company.co.jp',
      'a_b-c@my-company.co.jp',
    ],
  ].map(([raw, normalized, domain, key]) => [raw, normalized, domain, key]);

  it.each(valid)('%s is valid: %s on %s (key %s)', (raw, normalized, domain, key) => {
    expect(analyzeEmail(raw)).toMatchObject({
      valid: true,
      reason: null,
      normalized,
      registrableDomain: domain,
      dedupeKey: key,
    });
  });

  const invalid: [string, string][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['john.doe', 'missing_at'],
    ['john.doe.acme.com', 'missing_at'],
    ['john..doe@acme.com', 'local_part_invalid'],
    ['.john@acme.com', 'local_part_invalid'],
    ['john.@acme.com', 'local_part_invalid'],
    ['jo hn@acme.com', 'local_part_invalid'],
    ['john@@acme.com', 'local_part_invalid'],
    ['@acme.com', 'local_part_invalid'],
    ['"john doe"@acme.com', 'local_part_invalid'],
    [`${'a'.repeat(65)}@acme.com`, 'local_part_too_long'],
    [`a@${'b'.repeat(250)}.com`, 'too_long'],
    ['john@', 'domain_invalid'],
    ['john@acme', 'domain_invalid'],
    ['john@-acme.com', 'domain_invalid'],
    ['john@acme-.com', 'domain_invalid'],
    ['john@acme..com', 'domain_invalid'],
    ['john@acme_corp.com', 'domain_invalid'],
    ['john@acme.notarealtld', 'unknown_tld'],
    ['john@192.168.1.1', 'unknown_tld'],
    ['john@acme.c0m', 'unknown_tld'],
    // What people and CRM exports type instead of an address (issue 12): refused, not stored.
    ['bad@@example', 'local_part_invalid'],
    ['a@b', 'domain_invalid'],
    ['jane@example', 'domain_invalid'],
    ['jane@acme .com', 'domain_invalid'],
    ['jane doe@acme.com', 'local_part_invalid'],
    ['jane@acme.com jane@acme.org', 'local_part_invalid'],
    ['jane@acme.com\u0000', 'domain_invalid'],
    ['ja\u0000ne@acme.com', 'local_part_invalid'],
    ['\ud800@acme.com', 'local_part_invalid'],
    ['jane@acme.com.', 'domain_invalid'],
    ['jane@.acme.com', 'domain_invalid'],
    ['jane@acme.x', 'unknown_tld'],
    ['jane@[10.0.0.1]', 'domain_invalid'],
    ['jane@localhost', 'domain_invalid'],
    ['jane@acme,com', 'domain_invalid'],
    ['jane(at)acme.com', 'missing_at'],
  ];

  it.each(invalid)('%p is invalid (%s) and keeps its raw value', (raw, reason) => {
    const result = analyzeEmail(raw);
    expect(result).toMatchObject({
      valid: false,
      reason,
      dedupeKey: null,
      registrableDomain: null,
    });
    expect(result.normalized).toBe(raw.trim().toLowerCase().replace(/@@/, '@@'));
  });

  const classified: [string, { freeMail: boolean; disposable: boolean; roleAccount: boolean }][] = [
    ['jane@gmail.com', { freeMail: true, disposable: false, roleAccount: false }],
    ['jane@yahoo.co.uk', { freeMail: true, disposable: false, roleAccount: false }],
    ['jane@hotmail.fr', { freeMail: true, disposable: false, roleAccount: false }],
    ['jane@outlook.com', { freeMail: true, disposable: false, roleAccount: false }],
    ['jane@gmx.de', { freeMail: true, disposable: false, roleAccount: false }],
    ['jane@orange.fr', { freeMail: true, disposable: false, roleAccount: false }],
    ['jane@icloud.com', { freeMail: true, disposable: false, roleAccount: false }],
    ['jane@proton.me', { freeMail: true, disposable: false, roleAccount: false }],
    ['jane@mailinator.com', { freeMail: false, disposable: true, roleAccount: false }],
    ['jane@guerrillamail.com', { freeMail: false, disposable: true, roleAccount: false }],
    ['jane@10minutemail.com', { freeMail: false, disposable: true, roleAccount: false }],
    ['jane@yopmail.com', { freeMail: false, disposable: true, roleAccount: false }],
    ['info@acme.com', { freeMail: false, disposable: false, roleAccount: true }],
    ['sales@acme.com', { freeMail: false, disposable: false, roleAccount: true }],
    ['support+tickets@acme.com', { freeMail: false, disposable: false, roleAccount: true }],
    ['customer-service@acme.com', { freeMail: false, disposable: false, roleAccount: true }],
    ['no-reply@acme.com', { freeMail: false, disposable: false, roleAccount: true }],
    ['hello@gmail.com', { freeMail: true, disposable: false, roleAccount: true }],
    ['jane.doe@acme.com', { freeMail: false, disposable: false, roleAccount: false }],
    ['salesforce.admin.jane@acme.com', { freeMail: false, disposable: false, roleAccount: false }],
    ['information.jones@acme.com', { freeMail: false, disposable: false, roleAccount: false }],
  ];

  it.each(classified)('%s is classified %p', (raw, flags) => {
    expect(analyzeEmail(raw)).toMatchObject({ valid: true, ...flags });
  });
});

describe('registrableDomainOf', () => {
  it.each([
    ['https://www.acme.co.uk/about', 'acme.co.uk'],
    ['www.acme.com', 'acme.com'],
    ['ACME.COM', 'acme.com'],
    ['http://shop.example.com.br:8080/x', 'example.com.br'],
    ['', null],
    ['not a domain', null],
  ])('%p → %p', (input, expected) => {
    expect(registrableDomainOf(input)).toBe(expected);
  });
});

describe('companyNameFromDomain', () => {
  it.each([
    ['acme.com', 'Acme'],
    ['acme-robotics.co.uk', 'Acme Robotics'],
    ['mail.acme.io', 'Acme'],
    ['big_data.ai', 'Big Data'],
  ])('%s → %s', (domain, name) => {
    expect(companyNameFromDomain(domain)).toBe(name);
  });
});
