import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DELIVERY_EVENT_TYPES,
  DeliveryEventType,
  DomainError,
  ErrorCode,
  EspWebhookDto,
  EspWebhookResultView,
} from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import { applyDeliveryUpdates } from '../campaigns/delivery-updates';
import { EspEvent, EspMapping, EspPayloadError } from '../domain/esp/esp-event';
import { mapEspPayload } from '../domain/esp/esp-mapping';
import { espWebhookEventsTotal } from './esp-webhooks.metrics';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Longest unknown id echoed back: the value is the sender's, the answer stays small. */
const MAX_ECHOED_ID_LENGTH = 100;

function isDeliveryEvent(kind: EspEvent['kind']): kind is DeliveryEventType {
  return (DELIVERY_EVENT_TYPES as readonly string[]).includes(kind);
}

/**
 * Records the events of one verified provider webhook: each provider event once (its id is the
 * key of `email.esp_events`), delivery outcomes applied to the message's status like
 * `POST /v1/email/events`, provider-reported opens and clicks stored apart from pixel opens.
 */
@Injectable()
export class EspWebhooksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(input: EspWebhookDto): Promise<EspWebhookResultView> {
    const { provider } = input;
    const mapping = this.map(input);
    const unique = [...new Map(mapping.events.map((event) => [event.eventId, event])).values()];
    const withoutMessageId = unique.filter((event) => event.messageId === null).length;
    const named = unique.filter((event) => event.messageId !== null);
    const wellFormed = named.filter((event) => UUID.test(event.messageId!));
    const result = await this.dataSource.transaction(async (manager) => {
      const ids = [...new Set(wellFormed.map((event) => event.messageId!.toLowerCase()))];
      const existing: { id: string }[] = ids.length
        ? await manager.query(`SELECT id FROM email.messages WHERE id = ANY($1::uuid[])`, [ids])
        : [];
      const known = new Set(existing.map((row) => row.id));
      const recordable = wellFormed.filter((event) => known.has(event.messageId!.toLowerCase()));
      const inserted: { event_id: string }[] = recordable.length
        ? await manager.query(
            `INSERT INTO email.esp_events (provider, event_id, message_id, kind, machine, occurred_at)
             SELECT $1, e.event_id, e.message_id, e.kind, e.machine, e.occurred_at
             FROM unnest($2::text[], $3::uuid[], $4::text[], $5::boolean[], $6::timestamptz[])
               AS e(event_id, message_id, kind, machine, occurred_at)
             ON CONFLICT (provider, event_id) DO NOTHING
             RETURNING event_id`,
            [
              provider,
              recordable.map((event) => event.eventId),
              recordable.map((event) => event.messageId!.toLowerCase()),
              recordable.map((event) => event.kind),
              recordable.map((event) => event.machine),
              recordable.map((event) => event.occurredAt),
            ],
          )
        : [];
      const fresh = new Set(inserted.map((row) => row.event_id));
      const firstTime = recordable.filter((event) => fresh.has(event.eventId));
      const receivedAt = new Date();
      await applyDeliveryUpdates(
        manager,
        firstTime.flatMap(({ kind, messageId, occurredAt }) =>
          isDeliveryEvent(kind)
            ? [
                {
                  messageId: messageId!.toLowerCase(),
                  type: kind,
                  at: occurredAt ? new Date(occurredAt) : receivedAt,
                },
              ]
            : [],
        ),
      );
      return {
        recorded: firstTime.length,
        duplicates: recordable.length - firstTime.length,
        unknownMessageIds: [
          ...new Set(
            named
              .filter((event) => !known.has(event.messageId!.toLowerCase()))
              .map((event) => event.messageId!.slice(0, MAX_ECHOED_ID_LENGTH)),
          ),
        ],
      };
    });
    const view: EspWebhookResultView = {
      ...result,
      ignored: mapping.ignored,
      withoutMessageId,
    };
    this.count(provider, view, named.length - (view.recorded + view.duplicates));
    return view;
  }

  private map(input: EspWebhookDto): EspMapping {
    try {
      return mapEspPayload(input.provider, input.payload, input.eventId);
    } catch (error) {
      if (!(error instanceof EspPayloadError)) throw error;
      throw new DomainError(
        ErrorCode.Unprocessable,
        `The ${input.provider} payload is not as documented: ${error.message}`,
        { violations: [{ field: error.field, reason: error.reason }] },
      );
    }
  }

  private count(provider: string, view: EspWebhookResultView, unknownEvents: number): void {
    const outcomes: [string, number][] = [
      ['recorded', view.recorded],
      ['duplicate', view.duplicates],
      ['ignored', view.ignored],
      ['unknown_message', unknownEvents],
      ['no_message_id', view.withoutMessageId],
    ];
    for (const [outcome, count] of outcomes)
      if (count > 0) espWebhookEventsTotal.inc({ provider, outcome }, count);
  }
}
