import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkEmailAddress,
  CreateErasureDto,
  DomainError,
  ErasureRequested,
  erasureSubject,
  ErasureView,
  ErrorCode,
  PrivacyEvents,
  validationFailed,
} from '@sales-suite/contracts';
import { OutboxRelayService, OutboxService } from '@sales-suite/persistence';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/api-keys.service';
import { ErasureAuditKey, pendingResults } from './domain/erasure-job';
import { ErasureStore, erasureView } from './erasure-store';

/** Starts erasures (a job row and the request to the services, in one transaction) and reads them. */
@Injectable()
export class PrivacyService {
  /**
   * Null without WEBHOOK_SECRETS_KEY: no keyed hash for the audit, so no erasure starts. Safe
   * per replica: derived from the environment, the same on every replica.
   */
  private readonly auditKey: ErasureAuditKey | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ErasureStore,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelayService,
    config: ConfigService,
  ) {
    const secretsKey = config.get<string>('WEBHOOK_SECRETS_KEY');
    this.auditKey = secretsKey ? new ErasureAuditKey(secretsKey) : null;
  }

  async create(input: CreateErasureDto, caller: Caller): Promise<ErasureView> {
    if (input.email === undefined && input.contactId === undefined)
      throw validationFailed([{ field: 'email', reason: 'give an email, a contactId, or both' }]);
    if (!this.auditKey)
      throw new DomainError(
        ErrorCode.ServiceUnavailable,
        'Erasures are not configured: WEBHOOK_SECRETS_KEY (the key of the audit hash) is not set',
      );
    const request = {
      email: input.email === undefined ? null : checkEmailAddress(input.email).normalized,
      contactId: input.contactId ?? null,
    };
    const requestedBy = [request.email && 'email', request.contactId && 'contactId']
      .filter(Boolean)
      .join('+');
    const row = await this.dataSource.transaction(async (manager) => {
      const inserted = await this.store.insert(manager, {
        subject_hmac: this.auditKey!.subjectHmac(request),
        requested_by: requestedBy,
        requested_by_key_id: caller.keyId,
        services: pendingResults(),
        email: request.email,
        contact_ids: request.contactId ? [request.contactId] : [],
      });
      const event: ErasureRequested = { erasureId: inserted.id, ...request };
      await this.outbox.enqueue(
        manager,
        erasureSubject(PrivacyEvents.ErasureRequested, inserted.id),
        event,
      );
      return inserted;
    });
    this.relay.publishSoon();
    return erasureView(row);
  }

  async get(id: string): Promise<ErasureView> {
    const row = await this.store.find(this.dataSource.manager, id);
    if (!row)
      throw new DomainError(ErrorCode.PrivacyErasureNotFound, `No erasure has the id ${id}`, {
        id,
      });
    return erasureView(row);
  }
}
