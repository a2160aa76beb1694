import type { ContactFitAttributes } from '@sales-suite/contracts/core';
import type { LeadEvent } from './lead-events';

/**
 * A contact's fit with what describes the person cleared; what describes the account (industry,
 * size) stays, as the account does.
 */
export function eraseFitPerson(fit: ContactFitAttributes): ContactFitAttributes {
  return {
    ...fit,
    seniority: null,
    department: null,
    country: null,
    freeEmail: false,
    disposableEmail: false,
    roleAccount: false,
  };
}

/**
 * Redacts one lead's stream for the erasure of `contactIds`: the erased contacts' ids become
 * null where the event allows it, and a stand-in (`erased-1`, `erased-2`, … in order of first
 * appearance in this stream) in committee and champion events, so the committee keeps its size
 * and roles; fit events lose the person's attributes; an engagement loses the message it came
 * from. Answers the events that changed (the others are left as they are).
 */
export function redactLeadStream(
  events: readonly LeadEvent[],
  contactIds: ReadonlySet<string>,
): LeadEvent[] {
  const standIns = new Map<string, string>();
  const standIn = (contactId: string) => {
    if (!standIns.has(contactId)) standIns.set(contactId, `erased-${standIns.size + 1}`);
    return standIns.get(contactId)!;
  };
  const erased = (contactId: string | null): contactId is string =>
    contactId !== null && contactIds.has(contactId);
  const changed: LeadEvent[] = [];
  for (const event of events) {
    const redacted = redactEvent(event, erased, standIn);
    if (redacted) changed.push(redacted);
  }
  return changed;
}

function redactEvent(
  event: LeadEvent,
  erased: (contactId: string | null) => contactId is string,
  standIn: (contactId: string) => string,
): LeadEvent | null {
  switch (event.type) {
    case 'LeadCreated':
      return erased(event.data.contactId)
        ? { ...event, data: { ...event.data, contactId: null } }
        : null;
    case 'EngagementRecorded':
      return erased(event.data.contactId)
        ? { ...event, data: { ...event.data, contactId: null, sourceId: null } }
        : null;
    case 'FitUpdated':
      return erased(event.data.contactId)
        ? { ...event, data: { contactId: null, fit: eraseFitPerson(event.data.fit) } }
        : null;
    case 'CommitteeMemberAdded':
    case 'ChampionIdentified':
      return erased(event.data.contactId)
        ? ({
            ...event,
            data: { ...event.data, contactId: standIn(event.data.contactId) },
          } as LeadEvent)
        : null;
    default:
      return null;
  }
}
