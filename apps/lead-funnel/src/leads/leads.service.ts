import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AddCommitteeMemberRequest,
  ContactFitAttributes,
  CreateLeadDto,
  CrmContactLeadRequested,
  LeadView,
  RecordEngagementRequest,
  TransitionLeadRequest,
  validationFailed,
} from '@sales-suite/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { LeadDraft } from '../domain/lead-draft';
import { LeadQueries } from './lead-queries.service';
import { LeadWriter, LoadedPolicy } from './lead-writer';

/** Tolerated difference between the caller's clock and ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The commands people send about leads (through the gateway). */
@Injectable()
export class LeadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: LeadWriter,
    private readonly queries: LeadQueries,
  ) {}

  /** A new lead: its CRM fit when the contact is known, its territory and owner, its score. */
  async create(input: CreateLeadDto, actor: string): Promise<LeadView> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const policy = await this.writer.policy(manager);
      const draft = new LeadDraft(id, []);
      draft.record({
        type: 'LeadCreated',
        occurredAt: policy.now,
        data: {
          source: input.source,
          contactId: input.contactId ?? null,
          accountId: input.accountId ?? null,
          ownerId: input.ownerId ?? null,
          amount: input.amount ?? null,
        },
      });
      await this.placeNew(manager, draft, policy, actor);
    });
    return this.queries.get(id);
  }

  /**
   * The lead a CRM import asks for, in the caller's transaction: created at the file's date and
   * entered directly at the stage the CRM had reached (the funnel's allowed moves apply to moves
   * made here, not to history made elsewhere). False when the contact already has a lead, so
   * re-importing a file creates none.
   */
  async createImported(manager: EntityManager, request: CrmContactLeadRequested): Promise<boolean> {
    // Held until commit: two replicas handling requests for one contact create one lead.
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('funnel.lead-contact:' || $1, 0))`,
      [request.contactId],
    );
    const existing: unknown[] = await manager.query(
      `SELECT 1 FROM funnel.leads WHERE contact_id = $1 LIMIT 1`,
      [request.contactId],
    );
    if (existing.length > 0) return false;
    const policy = await this.writer.policy(manager);
    const occurredAt = Math.min(Date.parse(request.occurredAt), policy.now);
    const draft = new LeadDraft(randomUUID(), []);
    draft.record({
      type: 'LeadCreated',
      occurredAt,
      // Imported contacts are the team's own list: outbound until a person says otherwise.
      data: {
        source: 'outbound',
        contactId: request.contactId,
        accountId: null,
        ownerId: null,
        amount: null,
      },
    });
    draft.enterImportedStage(request.stage, occurredAt);
    await this.placeNew(manager, draft, policy, `import:${request.importId}`);
    return true;
  }

  /** A just-created lead's known CRM fit, territory and owner, score; then committed. */
  private async placeNew(
    manager: EntityManager,
    draft: LeadDraft,
    policy: LoadedPolicy,
    actor: string,
  ): Promise<void> {
    const contactId = draft.state.contactId;
    const known = contactId ? await this.contactFit(manager, contactId) : null;
    if (known)
      draft.record({
        type: 'FitUpdated',
        occurredAt: policy.now,
        data: { contactId, fit: known },
      });
    await this.writer.assign(manager, draft, policy, 'round_robin');
    draft.settle(policy);
    await this.writer.commit(manager, [draft], actor);
  }

  async transition(request: TransitionLeadRequest, actor: string): Promise<LeadView> {
    await this.dataSource.transaction((manager) =>
      this.writer.change(
        manager,
        request.id,
        actor,
        (draft, policy) =>
          draft.transition(policy.definition, request.to, request.reason ?? null, policy.now),
        request.expectedVersion,
      ),
    );
    return this.queries.get(request.id);
  }

  async recordEngagement(request: RecordEngagementRequest, actor: string): Promise<LeadView> {
    await this.dataSource.transaction((manager) =>
      this.writer.change(manager, request.id, actor, (draft, policy) => {
        if (request.occurredAt && Date.parse(request.occurredAt) > policy.now + CLOCK_SKEW_MS)
          throw validationFailed([{ field: 'occurredAt', reason: 'occurredAt is in the future' }]);
        draft.record({
          type: 'EngagementRecorded',
          occurredAt: request.occurredAt
            ? Math.min(Date.parse(request.occurredAt), policy.now)
            : policy.now,
          data: { type: request.type, contactId: request.contactId ?? null, sourceId: null },
        });
        draft.settle(policy);
      }),
    );
    return this.queries.get(request.id);
  }

  async addCommitteeMember(request: AddCommitteeMemberRequest, actor: string): Promise<LeadView> {
    await this.dataSource.transaction((manager) =>
      this.writer.change(manager, request.id, actor, (draft, policy) => {
        const { contactId, role } = request;
        draft.record({
          type: 'CommitteeMemberAdded',
          occurredAt: policy.now,
          data: { contactId, role },
        });
        if (request.champion && draft.state.championContactId !== contactId)
          draft.record({ type: 'ChampionIdentified', occurredAt: policy.now, data: { contactId } });
        draft.settle(policy);
      }),
    );
    return this.queries.get(request.id);
  }

  private async contactFit(
    manager: EntityManager,
    contactId: string,
  ): Promise<ContactFitAttributes | null> {
    const rows: { fit: ContactFitAttributes }[] = await manager.query(
      `SELECT fit FROM funnel.contact_fit WHERE contact_id = $1`,
      [contactId],
    );
    return rows[0]?.fit ?? null;
  }
}
