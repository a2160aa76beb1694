import { createHash } from 'node:crypto';
import {
  customArg,
  EspEventKind,
  EspMapping,
  JsonObject,
  optionalTime,
  requireId,
  requireObject,
  requireString,
} from './esp-event';

/** Bounce `Type`s that say the address will never take mail; the listed soft ones may later. */
const HARD_BOUNCES = new Set(['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated']);
const SOFT_BOUNCES = new Set(['SoftBounce', 'Transient', 'DnsError', 'Blocked', 'Unknown']);

/**
 * A Postmark webhook post: one record per request, told apart by `RecordType`; our id comes back
 * in `Metadata`. Bounces and complaints carry an `ID`; deliveries, opens and clicks do not, so
 * their event id is derived from the fields that make one such record unique.
 */
export function mapPostmarkRecord(payload: unknown): EspMapping {
  const record = requireObject(payload, 'payload');
  const recordType = requireString(record.RecordType, 'RecordType');
  const kind = postmarkKind(recordType, record);
  if (kind === null) return { events: [], ignored: 1 };
  const messageId = customArg(record.Metadata);
  const postmarkMessageId = requireString(record.MessageID, 'MessageID');
  switch (kind) {
    case 'delivered':
      return one(kind, messageId, record.DeliveredAt, 'DeliveredAt', [
        recordType,
        postmarkMessageId,
        requireString(record.Recipient, 'Recipient'),
      ]);
    case 'open':
    case 'click':
      return one(kind, messageId, record.ReceivedAt, 'ReceivedAt', [
        recordType,
        postmarkMessageId,
        requireString(record.ReceivedAt, 'ReceivedAt'),
        kind === 'click' ? requireString(record.OriginalLink, 'OriginalLink') : '',
      ]);
    default:
      return {
        events: [
          {
            eventId: `${recordType}:${requireId(record.ID, 'ID')}`,
            messageId,
            kind,
            occurredAt: optionalTime(record.BouncedAt, 'BouncedAt'),
            machine: false,
          },
        ],
        ignored: 0,
      };
  }
}

function one(
  kind: EspEventKind,
  messageId: string | null,
  at: unknown,
  atField: string,
  identity: string[],
): EspMapping {
  const eventId = createHash('sha256').update(identity.join('\n')).digest('hex');
  return {
    events: [{ eventId, messageId, kind, occurredAt: optionalTime(at, atField), machine: false }],
    ignored: 0,
  };
}

function postmarkKind(recordType: string, record: JsonObject): EspEventKind | null {
  switch (recordType) {
    case 'Delivery':
      return 'delivered';
    case 'Bounce': {
      const type = requireString(record.Type, 'Type');
      if (HARD_BOUNCES.has(type)) return 'hard_bounce';
      return SOFT_BOUNCES.has(type) ? 'soft_bounce' : null; // AutoResponder, Unsubscribe, …
    }
    case 'SpamComplaint':
      return 'complaint';
    case 'Open':
      return 'open';
    case 'Click':
      return 'click';
    default:
      return null; // SubscriptionChange
  }
}
