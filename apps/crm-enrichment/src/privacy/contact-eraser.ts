import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ErasureRequested, isErasureRequested, PrivacyEvents } from '@sales-suite/contracts';
import { OutboxService } from '@sales-suite/persistence';
import { ErasureNotYetPossible, ErasureOutcome, ErasureParticipant } from '@sales-suite/platform';
import { EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The CRM's part of erasing a person: the contact with the email (or the id) goes with every
 * field, its provenance and custom fields, and its whole field history; so do the published
 * events that mention it. Accounts are companies and stay.
 */
@Injectable()
export class ContactEraser implements OnApplicationBootstrap {
  constructor(
    private readonly participant: ErasureParticipant,
    private readonly outbox: OutboxService,
  ) {}

  onApplicationBootstrap(): void {
    this.participant.start({
      service: 'crm-enrichment',
      subject: PrivacyEvents.ErasureRequested,
      accepts: isErasureRequested,
      erase: (manager, request) => this.erase(manager, request),
    });
  }

  async erase(manager: EntityManager, request: ErasureRequested): Promise<ErasureOutcome> {
    const contacts: { id: string }[] = await manager.query(
      `SELECT id FROM crm.contacts WHERE lower(email) = $1 OR id = $2::uuid FOR UPDATE`,
      [request.email, request.contactId && UUID.test(request.contactId) ? request.contactId : null],
    );
    const ids = contacts.map((contact) => contact.id);
    const [, fieldHistory]: [unknown, number] = await manager.query(
      `DELETE FROM crm.field_history WHERE entity_type = 'contact' AND entity_id = ANY($1::uuid[])`,
      [ids],
    );
    const [, deleted]: [unknown, number] = await manager.query(
      `DELETE FROM crm.contacts WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const events = await this.outbox.forget(manager, [
      ...(request.email ? [request.email] : []),
      ...ids,
    ]);
    if (events.unpublished > 0) throw new ErasureNotYetPossible('CRM events still to publish');
    return {
      erased: { contacts: deleted, fieldHistory, outboxEvents: events.deleted },
      contactIds: request.contactId ? [...new Set([...ids, request.contactId])] : ids,
    };
  }
}
