import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  ContactsErasureRequested,
  isContactsErasureRequested,
  PrivacyEvents,
} from '@sales-suite/contracts';
import { OutboxService } from '@sales-suite/persistence';
import { ErasureNotYetPossible, ErasureOutcome, ErasureParticipant } from '@sales-suite/platform';
import { EntityManager } from 'typeorm';
import { redactLeadStream } from '../domain/contact-erasure';
import { LeadState, replayLead } from '../domain/lead-state';
import { LeadEventStore } from '../leads/lead-event.store';
import { LeadProjection } from '../leads/lead-projection';

/**
 * The lead funnel's part of erasing a person, once the gateway knows the person's contact ids:
 * the events of every lead that names one are redacted in place (see docs/lead-funnel.md,
 * "Erasure"), the projections are rebuilt from the redacted streams, the contact's stored fit
 * goes, and so do the published events that name it. Stages, dates and scores stay: funnel
 * figures do not change.
 */
@Injectable()
export class ContactDataEraser implements OnApplicationBootstrap {
  constructor(
    private readonly participant: ErasureParticipant,
    private readonly events: LeadEventStore,
    private readonly projection: LeadProjection,
    private readonly outbox: OutboxService,
  ) {}

  onApplicationBootstrap(): void {
    this.participant.start({
      service: 'lead-funnel',
      subject: PrivacyEvents.ContactsErasureRequested,
      accepts: isContactsErasureRequested,
      erase: (manager, request) => this.erase(manager, request),
    });
  }

  async erase(manager: EntityManager, request: ContactsErasureRequested): Promise<ErasureOutcome> {
    const contactIds = request.contactIds;
    // Locked: a concurrent change of one of these leads waits, then appends to the redacted stream.
    const leads: { id: string }[] = await manager.query(
      `SELECT id FROM funnel.leads
       WHERE contact_id = ANY($1::text[]) OR champion_contact_id = ANY($1::text[])
          OR EXISTS (SELECT 1 FROM jsonb_array_elements(committee) AS m
                     WHERE m->>'contactId' = ANY($1::text[]))
       ORDER BY id FOR UPDATE`,
      [contactIds],
    );
    const streams = await this.events.readMany(
      manager,
      leads.map((lead) => lead.id),
    );
    const erased = new Set(contactIds);
    const states: LeadState[] = [];
    let redactedEvents = 0;
    for (const [leadId, stream] of streams) {
      const redacted = redactLeadStream(stream, erased);
      redactedEvents += await this.events.redact(manager, leadId, redacted);
      const byVersion = new Map(redacted.map((event) => [event.version, event]));
      const state = replayLead(
        leadId,
        stream.map((event) => byVersion.get(event.version) ?? event),
      );
      if (state) states.push(state);
    }
    await this.projection.save(manager, states);
    const [, contactFit]: [unknown, number] = await manager.query(
      `DELETE FROM funnel.contact_fit WHERE contact_id = ANY($1::text[])`,
      [contactIds],
    );
    const published = await this.outbox.forget(manager, contactIds);
    if (published.unpublished > 0) throw new ErasureNotYetPossible('lead events still to publish');
    return {
      erased: {
        leads: states.length,
        leadEvents: redactedEvents,
        contactFit,
        outboxEvents: published.deleted,
      },
    };
  }
}
