import {
  applyReport,
  ErasureAuditKey,
  ErasureStep,
  nextStep,
  overallStatus,
  pendingResults,
  ServiceResults,
} from './erasure-job';

const AT = '2026-11-30T05:00:00.000Z';
const done = { status: 'done', reason: null, erased: { contacts: 1 } } as const;
const failed = {
  status: 'failed',
  reason: 'failed 8 times: database error 57P01',
  erased: {},
} as const;

function results(
  finished: Partial<Record<keyof ServiceResults, 'done' | 'failed'>>,
): ServiceResults {
  let state = pendingResults();
  for (const [service, status] of Object.entries(finished))
    state = applyReport(
      state,
      { service: service as keyof ServiceResults, ...(status === 'done' ? done : failed) },
      AT,
    );
  return state;
}

describe('the erasure job', () => {
  it.each<[string, Parameters<typeof results>[0], boolean, ErasureStep]>([
    ['nothing answered yet', {}, false, 'wait'],
    ['only the CRM answered', { 'crm-enrichment': 'done' }, false, 'wait'],
    ['only email-tracking answered', { 'email-tracking': 'done' }, false, 'wait'],
    [
      'both first services answered',
      { 'crm-enrichment': 'done', 'email-tracking': 'done' },
      false,
      'request-contacts',
    ],
    [
      'one of them failed: the funnel is still asked',
      { 'crm-enrichment': 'failed', 'email-tracking': 'done' },
      false,
      'request-contacts',
    ],
    [
      'the funnel was already asked',
      { 'crm-enrichment': 'done', 'email-tracking': 'done' },
      true,
      'wait',
    ],
    [
      'the funnel answered',
      { 'crm-enrichment': 'done', 'email-tracking': 'done', 'lead-funnel': 'done' },
      true,
      'redact-webhooks',
    ],
    [
      'all answered',
      {
        'crm-enrichment': 'done',
        'email-tracking': 'done',
        'lead-funnel': 'done',
        gateway: 'done',
      },
      true,
      'wait',
    ],
  ])('%s → %s', (_case, finished, contactsRequested, step) => {
    expect(nextStep(results(finished), contactsRequested)).toBe(step);
  });

  it.each<[Parameters<typeof results>[0], string]>([
    [{}, 'pending'],
    [{ 'crm-enrichment': 'done', 'email-tracking': 'done', 'lead-funnel': 'done' }, 'pending'],
    [
      {
        'crm-enrichment': 'done',
        'email-tracking': 'done',
        'lead-funnel': 'done',
        gateway: 'done',
      },
      'done',
    ],
    [
      {
        'crm-enrichment': 'done',
        'email-tracking': 'failed',
        'lead-funnel': 'done',
        gateway: 'done',
      },
      'failed',
    ],
  ])('overall status of %j is %s', (finished, status) => {
    expect(overallStatus(results(finished))).toBe(status);
  });

  it('keeps a service first report: a redelivered or later one changes nothing', () => {
    const first = results({ 'crm-enrichment': 'done' });
    const again = applyReport(
      first,
      { service: 'crm-enrichment', ...failed },
      '2026-12-01T00:00:00.000Z',
    );
    expect(again['crm-enrichment']).toEqual({ ...done, finishedAt: AT });
  });
});

describe('ErasureAuditKey', () => {
  const key = new ErasureAuditKey(Buffer.alloc(32, 7).toString('base64'));
  const other = new ErasureAuditKey(Buffer.alloc(32, 8).toString('base64'));
  const jane = { email: 'jane@acme.com', contactId: null };

  it('is stable for one key and differs for another key or person', () => {
    expect(key.subjectHmac(jane)).toBe(key.subjectHmac({ ...jane }));
    expect(key.subjectHmac(jane)).toMatch(/^[0-9a-f]{64}$/);
    expect(other.subjectHmac(jane)).not.toBe(key.subjectHmac(jane));
    expect(key.subjectHmac({ email: 'omar@acme.com', contactId: null })).not.toBe(
      key.subjectHmac(jane),
    );
  });

  it('hashes the email when both are given, the contact id otherwise', () => {
    expect(key.subjectHmac({ ...jane, contactId: 'c-1' })).toBe(key.subjectHmac(jane));
    expect(key.subjectHmac({ email: null, contactId: 'c-1' })).not.toBe(key.subjectHmac(jane));
  });
});
