import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErasureReported,
  ErasureRequest,
  ErasureService,
  erasureSubject,
  PRIVACY_EVENTS_STREAM,
  PrivacyEvents,
} from '@sales-suite/contracts';
import { ConsumedEvent, EventOutcome, JetStreamConsumerService } from '@sales-suite/messaging';
import { InboxService, OutboxRelayService, OutboxService } from '@sales-suite/persistence';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** Deliveries of one request before a service reports it failed (about 90 s of back-off). */
export const ERASURE_ATTEMPTS = 8;

/** What one service erased: counts by kind, and the contact ids it knew the person by. */
export interface ErasureOutcome {
  erased: Record<string, number>;
  contactIds?: string[];
}

/**
 * Thrown by an eraser that cannot finish yet (events mentioning the person still wait in its
 * outbox): the request is redelivered until it can, and never reported as failed for it.
 */
export class ErasureNotYetPossible extends Error {
  constructor(what: string) {
    super(`Erasure waits: ${what}`);
    this.name = 'ErasureNotYetPossible';
  }
}

export interface ErasureParticipantDefinition<T extends ErasureRequest> {
  service: ErasureService;
  /** `privacy.erasure.requested` or `privacy.erasure.contacts`. */
  subject: string;
  accepts: (data: unknown) => data is T;
  /** Erases inside the transaction that also claims the message and writes the report. */
  erase: (manager: EntityManager, request: T) => Promise<ErasureOutcome>;
}

/**
 * One service's part of an erasure: a durable consumer of the requests (shared by the
 * service's replicas), the erasure, the inbox claim and the report to the gateway in one
 * transaction, so a redelivered request changes nothing and a crash mid-way leaves nothing half
 * done. A request that keeps failing is reported failed, with the kind of error, after
 * `ERASURE_ATTEMPTS` deliveries.
 */
@Injectable()
export class ErasureParticipant {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: JetStreamConsumerService,
    private readonly inbox: InboxService,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelayService,
  ) {}

  start<T extends ErasureRequest>(definition: ErasureParticipantDefinition<T>): void {
    const durable = `${definition.service}-privacy-erasure`;
    this.consumers.start<T>({
      stream: PRIVACY_EVENTS_STREAM,
      durable,
      subject: `${definition.subject}.*`,
      accepts: definition.accepts,
      maxBatch: 1,
      handleBatch: async (batch) => {
        const outcomes: EventOutcome[] = [];
        for (const event of batch) outcomes.push(await this.handle(definition, durable, event));
        this.relay.publishSoon();
        return outcomes;
      },
    });
  }

  private async handle<T extends ErasureRequest>(
    definition: ErasureParticipantDefinition<T>,
    durable: string,
    event: ConsumedEvent<T>,
  ): Promise<EventOutcome> {
    const report = (
      manager: EntityManager,
      result: Omit<ErasureReported, 'erasureId' | 'service'>,
    ) =>
      this.outbox.enqueue(
        manager,
        erasureSubject(PrivacyEvents.ErasureReported, event.data.erasureId),
        { erasureId: event.data.erasureId, service: definition.service, ...result },
      );
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (!(await this.inbox.claim(manager, durable, event.messageId))) return 'duplicate';
        const outcome = await definition.erase(manager, event.data);
        await report(manager, {
          status: 'done',
          reason: null,
          erased: outcome.erased,
          contactIds: outcome.contactIds ?? [],
        });
        return 'processed';
      });
    } catch (error) {
      if (error instanceof ErasureNotYetPossible || event.deliveryCount < ERASURE_ATTEMPTS)
        throw error;
      return this.dataSource.transaction(async (manager) => {
        if (!(await this.inbox.claim(manager, durable, event.messageId))) return 'duplicate';
        const reason = `failed ${event.deliveryCount} times: ${errorKind(error)}`;
        await report(manager, { status: 'failed', reason, erased: {}, contactIds: [] });
        return 'processed';
      });
    }
  }
}

/** The kind of an error, never its message: a driver's message may quote the values. */
export function errorKind(error: unknown): string {
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string }).code;
    return code ? `database error ${code}` : 'database error';
  }
  return error instanceof Error ? error.name : 'unknown error';
}
