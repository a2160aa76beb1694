import { Injectable } from '@nestjs/common';
import type { EngagementType } from '@sales-suite/contracts';
import { EntityManager } from 'typeorm';
import { LeadDraft } from '../domain/lead-draft';
import { LeadEventStore } from '../leads/lead-event.store';
import { OPEN_LEAD } from '../leads/lead-projection';
import { LeadWriter } from '../leads/lead-writer';

/** One piece of email engagement (a human open, a human click) to score. */
export interface EmailEngagement {
  contactId: string | null;
  leadId: string | null;
  /** ISO-8601 time it happened. */
  at: string;
  /** What it is, for the lead's history: the message id of an open, the click id of a click. */
  sourceId: string;
}

/**
 * Records email engagement as EngagementRecorded on the leads it is for (its lead id, else every
 * open lead of the contact or with the contact on its buying committee), re-scoring each lead
 * once, inside the caller's transaction (the consumer's inbox claims commit with it).
 */
@Injectable()
export class EmailEngagementWriter {
  constructor(
    private readonly events: LeadEventStore,
    private readonly writer: LeadWriter,
  ) {}

  /** Answers the engagements that reached at least one lead. */
  async record<T extends EmailEngagement>(
    manager: EntityManager,
    type: EngagementType,
    engagements: T[],
    subject: string,
  ): Promise<Set<T>> {
    const byLead = await this.targetLeads(manager, engagements);
    const streams = await this.events.readMany(manager, [...byLead.keys()]);
    const policy = await this.writer.policy(manager);
    const drafts: LeadDraft[] = [];
    const scored = new Set<T>();
    for (const [leadId, leadEngagements] of byLead) {
      const stream = streams.get(leadId);
      if (!stream) continue;
      const draft = new LeadDraft(leadId, stream);
      for (const engagement of leadEngagements) {
        draft.record({
          type: 'EngagementRecorded',
          // A producer clock ahead of ours must not hide the engagement from the score until then.
          occurredAt: Math.min(Date.parse(engagement.at), policy.now),
          data: { type, contactId: engagement.contactId, sourceId: engagement.sourceId },
        });
        scored.add(engagement);
      }
      draft.settle(policy);
      drafts.push(draft);
    }
    await this.writer.commit(manager, drafts, subject);
    return scored;
  }

  /** Which leads each engagement is for: its lead id, else the open leads of (or with) its contact. */
  private async targetLeads<T extends EmailEngagement>(
    manager: EntityManager,
    engagements: T[],
  ): Promise<Map<string, T[]>> {
    const contactIds = [
      ...new Set(engagements.filter((e) => !e.leadId && e.contactId).map((e) => e.contactId!)),
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
    const add = (leadId: string, engagement: T) => {
      const list = byLead.get(leadId);
      if (list) list.push(engagement);
      else byLead.set(leadId, [engagement]);
    };
    for (const engagement of engagements) {
      if (engagement.leadId) add(engagement.leadId, engagement);
      else
        for (const row of rows)
          if (row.contacts.includes(engagement.contactId!)) add(row.id, engagement);
    }
    return byLead;
  }
}
