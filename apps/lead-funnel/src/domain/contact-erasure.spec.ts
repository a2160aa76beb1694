import type { ContactFitAttributes } from '@sales-suite/contracts/core';
import { eraseFitPerson, redactLeadStream } from './contact-erasure';
import type { LeadEvent } from './lead-events';
import { replayLead } from './lead-state';

const JANE = 'c-jane';
const OMAR = 'c-omar';
const fit: ContactFitAttributes = {
  seniority: 'vp',
  department: 'sales',
  country: 'DE',
  industry: 'software',
  employeeRange: '51-200',
  freeEmail: false,
  disposableEmail: false,
  roleAccount: true,
};

let version = 0;
const at = (data: Omit<LeadEvent, 'version' | 'occurredAt'>) =>
  ({ ...data, version: ++version, occurredAt: 1_764_000_000_000 + version }) as LeadEvent;

version = 0;
const stream: LeadEvent[] = [
  at({
    type: 'LeadCreated',
    data: { source: 'inbound', contactId: JANE, accountId: 'a-1', ownerId: null, amount: 100 },
  }),
  at({ type: 'FitUpdated', data: { contactId: JANE, fit } }),
  at({
    type: 'EngagementRecorded',
    data: { type: 'email_opened', contactId: JANE, sourceId: 'm-1' },
  }),
  at({
    type: 'EngagementRecorded',
    data: { type: 'email_opened', contactId: OMAR, sourceId: 'm-2' },
  }),
  at({ type: 'CommitteeMemberAdded', data: { contactId: JANE, role: 'champion' } }),
  at({ type: 'CommitteeMemberAdded', data: { contactId: OMAR, role: 'economic_buyer' } }),
  at({ type: 'ChampionIdentified', data: { contactId: JANE } }),
  at({
    type: 'StageChanged',
    data: { from: 'new', to: 'engaged', reason: null, automatic: true, cause: null },
  }),
];

describe('redactLeadStream', () => {
  const redacted = redactLeadStream(stream, new Set([JANE]));
  const byVersion = new Map(redacted.map((event) => [event.version, event]));

  it.each([
    [1, { source: 'inbound', contactId: null, accountId: 'a-1', ownerId: null, amount: 100 }],
    [
      2,
      {
        contactId: null,
        fit: { ...fit, seniority: null, department: null, country: null, roleAccount: false },
      },
    ],
    [3, { type: 'email_opened', contactId: null, sourceId: null }],
    [5, { contactId: 'erased-1', role: 'champion' }],
    [7, { contactId: 'erased-1' }],
  ])('redacts event %d of the erased contact', (eventVersion, data) => {
    expect(byVersion.get(eventVersion)?.data).toEqual(data);
  });

  it('leaves the other contact and the events without a contact alone', () => {
    expect([...byVersion.keys()]).toEqual([1, 2, 3, 5, 7]);
  });

  it('gives two erased contacts of one stream two stand-ins, so the committee keeps both', () => {
    const both = redactLeadStream(stream, new Set([JANE, OMAR]));
    const merged = stream.map((event) => both.find((r) => r.version === event.version) ?? event);
    expect(replayLead('l-1', merged)?.committee).toEqual([
      { contactId: 'erased-1', role: 'champion' },
      { contactId: 'erased-2', role: 'economic_buyer' },
    ]);
  });

  it('changes nothing for a contact the stream does not name', () => {
    expect(redactLeadStream(stream, new Set(['c-nobody']))).toEqual([]);
  });

  it('replays to a lead without the contact, with the account attributes of its fit', () => {
    const merged = stream.map((event) => byVersion.get(event.version) ?? event);
    const lead = replayLead('l-1', merged)!;
    expect(lead.contactId).toBeNull();
    expect(lead.championContactId).toBe('erased-1');
    expect(lead.fit).toEqual(eraseFitPerson(fit));
    expect(lead.fit).toMatchObject({ industry: 'software', employeeRange: '51-200' });
    expect(JSON.stringify(lead)).not.toContain(JANE);
  });
});
