import {
  LeadAssignedEvent,
  LeadCreatedEvent,
  LeadEvents,
  LeadEventSubject,
  LeadQualificationEvent,
  LeadScoreChangedEvent,
  LeadStageChangedEvent,
  LeadStage,
} from '@sales-suite/contracts/core';
import type { LeadEvent } from './lead-events';
import { applyLeadEvent, LeadState } from './lead-state';

export interface Publication {
  subject: LeadEventSubject;
  payload:
    | LeadCreatedEvent
    | LeadStageChangedEvent
    | LeadQualificationEvent
    | LeadAssignedEvent
    | LeadScoreChangedEvent;
}

/** Leaving MQL for these is losing the qualification; moving on to sql is not. */
const DISQUALIFYING: readonly LeadStage[] = ['engaged', 'closed_lost'];

/**
 * What other tools hear about the events a command appended to one lead, in order: every
 * creation, stage change and assignment; `lead.qualified` on entering MQL and `lead.disqualified`
 * on leaving it for engaged or closed_lost (besides the stage change); a new score only when the
 * draft marked it announced. Ids and numbers only: nothing personal is published.
 */
export function publicationsOf(
  leadId: string,
  before: LeadState | null,
  appended: readonly LeadEvent[],
): Publication[] {
  const publications: Publication[] = [];
  let state = before;
  for (const event of appended) {
    const base = {
      leadId,
      version: event.version,
      occurredAt: new Date(event.occurredAt).toISOString(),
    };
    switch (event.type) {
      case 'LeadCreated': {
        const { source, contactId, accountId, ownerId } = event.data;
        publications.push({
          subject: LeadEvents.Created,
          payload: { ...base, source, contactId, accountId, ownerId },
        });
        break;
      }
      case 'StageChanged': {
        const { from, to, reason, automatic, cause } = event.data;
        publications.push({
          subject: LeadEvents.StageChanged,
          payload: { ...base, from, to, reason, automatic },
        });
        const qualification = { ...base, from, to, automatic, score: cause?.score ?? null };
        if (to === 'mql')
          publications.push({ subject: LeadEvents.Qualified, payload: qualification });
        else if (from === 'mql' && DISQUALIFYING.includes(to))
          publications.push({ subject: LeadEvents.Disqualified, payload: qualification });
        break;
      }
      case 'LeadAssigned': {
        const { territoryId, ownerId, reason } = event.data;
        publications.push({
          subject: LeadEvents.Assigned,
          payload: { ...base, territoryId, ownerId, reason },
        });
        break;
      }
      case 'ScoreChanged': {
        const { modelVersion, fit, engagement, total, announcement } = event.data;
        if (announcement)
          publications.push({
            subject: LeadEvents.ScoreChanged,
            payload: {
              ...base,
              modelVersion,
              fit,
              engagement,
              total,
              previousTotal: state?.announcedTotal ?? 0,
              reason: announcement.reason,
              crossed: announcement.crossed,
            },
          });
        break;
      }
      default:
        break;
    }
    state = applyLeadEvent(state, event);
  }
  return publications;
}
