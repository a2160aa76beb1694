import { EntityManager } from 'typeorm';
import { OPEN_LEAD } from '../leads/lead-projection';

/** What an email event says about whose engagement it is. */
export interface EmailRecipient {
  leadId: string | null;
  contactId: string | null;
}

/**
 * Which leads each email event is for: its lead id, else every open lead of its contact or with
 * the contact on its buying committee. One query for the whole batch.
 */
export async function emailEngagementTargets<T extends EmailRecipient>(
  manager: EntityManager,
  events: readonly T[],
): Promise<Map<string, T[]>> {
  const contactIds = [
    ...new Set(events.filter((event) => !event.leadId && event.contactId).map((e) => e.contactId!)),
  ];
  const rows: { id: string; contacts: string[] }[] =
    contactIds.length === 0
      ? []
      : await manager.query(
          `SELECT id, array_remove(
                    array_append(ARRAY(SELECT m->>'contactId' FROM jsonb_array_elements(committee) m),
                                 contact_id), NULL) AS contacts
           FROM funnel.leads
           WHERE ${OPEN_LEAD}
             AND (contact_id = ANY($1::text[]) OR EXISTS (
               SELECT 1 FROM jsonb_array_elements(committee) m WHERE m->>'contactId' = ANY($1::text[])))
           ORDER BY id`,
          [contactIds],
        );
  const byLead = new Map<string, T[]>();
  const add = (leadId: string, event: T) => {
    const list = byLead.get(leadId);
    if (list) list.push(event);
    else byLead.set(leadId, [event]);
  };
  for (const event of events) {
    if (event.leadId) add(event.leadId, event);
    else for (const row of rows) if (row.contacts.includes(event.contactId!)) add(row.id, event);
  }
  return byLead;
}
