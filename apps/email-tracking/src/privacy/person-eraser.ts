import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ErasureRequested, isErasureRequested, PrivacyEvents } from '@sales-suite/contracts';
import { OutboxService } from '@sales-suite/persistence';
import { ErasureNotYetPossible, ErasureOutcome, ErasureParticipant } from '@sales-suite/platform';
import { EntityManager } from 'typeorm';

/**
 * Every table holding per-person details of a message's engagement (one row per open, click,
 * unsubscribe, …), with the columns that say who: they are cleared, the rows stay, so every
 * count (campaign figures, time series, classifications) stays what it was. A new table of such
 * rows is one more line here.
 */
const PER_PERSON_DETAILS: readonly { table: string; columns: readonly string[] }[] = [
  { table: 'email.opens', columns: ['contact_id', 'ip_prefix', 'ua_family'] },
  { table: 'email.unsubscribes', columns: ['contact_id'] },
];

/** What an erased message keeps in `email` (NOT NULL): no address, and not one either. */
export const ERASED_ADDRESS = '(erased)';

/**
 * The email-tracking part of erasing a person: the person's messages (by address or contact)
 * lose the address, contact and lead ids; their opens keep their time and classification but
 * not who, from where or with what; the contact's do-not-track switch and the published events
 * about those messages go. Counters stay, unlike `DELETE /v1/email/contacts/:id/tracking-data`.
 */
@Injectable()
export class PersonEraser implements OnApplicationBootstrap {
  constructor(
    private readonly participant: ErasureParticipant,
    private readonly outbox: OutboxService,
  ) {}

  onApplicationBootstrap(): void {
    this.participant.start({
      service: 'email-tracking',
      subject: PrivacyEvents.ErasureRequested,
      accepts: isErasureRequested,
      erase: (manager, request) => this.erase(manager, request),
    });
  }

  async erase(manager: EntityManager, request: ErasureRequested): Promise<ErasureOutcome> {
    const messages: { id: string; contact_id: string | null }[] = await manager.query(
      `SELECT id, contact_id FROM email.messages
       WHERE (lower(email) = $1 OR contact_id = $2) ORDER BY id FOR UPDATE`,
      [request.email, request.contactId],
    );
    const messageIds = messages.map((message) => message.id);
    const contactIds = [
      ...new Set(
        [request.contactId, ...messages.map((message) => message.contact_id)].filter(
          (id): id is string => id !== null,
        ),
      ),
    ];
    const erased: Record<string, number> = {};
    for (const { table, columns } of PER_PERSON_DETAILS) {
      const [, count]: [unknown, number] = await manager.query(
        `UPDATE ${table} SET ${columns.map((column) => `${column} = NULL`).join(', ')}
         WHERE (message_id = ANY($1::uuid[]) OR contact_id = ANY($2::text[]))
           AND (${columns.map((column) => `${column} IS NOT NULL`).join(' OR ')})`,
        [messageIds, contactIds],
      );
      erased[table.slice('email.'.length)] = count;
    }
    const [, tracking]: [unknown, number] = await manager.query(
      `DELETE FROM email.contact_tracking WHERE contact_id = ANY($1::text[])`,
      [contactIds],
    );
    // The suppression names the address itself: it goes, as the address goes from its messages.
    const [, suppressions]: [unknown, number] = await manager.query(
      `DELETE FROM email.suppressed_addresses
       WHERE lower(email) = $1 OR contact_id = ANY($2::text[]) OR message_id = ANY($3::uuid[])`,
      [request.email, contactIds, messageIds],
    );
    const [, messageCount]: [unknown, number] = await manager.query(
      `UPDATE email.messages SET email = $2, contact_id = NULL, lead_id = NULL
       WHERE id = ANY($1::uuid[])`,
      [messageIds, ERASED_ADDRESS],
    );
    const events = await this.outbox.forget(manager, [
      ...(request.email ? [request.email] : []),
      ...contactIds,
      ...messageIds,
    ]);
    if (events.unpublished > 0) throw new ErasureNotYetPossible('email events still to publish');
    return {
      erased: {
        messages: messageCount,
        ...erased,
        contactTracking: tracking,
        suppressedAddresses: suppressions,
        outboxEvents: events.deleted,
      },
      contactIds,
    };
  }
}
