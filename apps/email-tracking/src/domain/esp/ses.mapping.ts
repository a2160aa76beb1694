import {
  customArg,
  EspEvent,
  EspEventKind,
  EspMapping,
  EspPayloadError,
  headerValue,
  isObject,
  JsonObject,
  optionalTime,
  requireObject,
  requireString,
} from './esp-event';

/**
 * The `Message` of an SNS notification from Amazon SES: either a feedback notification
 * (`notificationType`) or a configuration-set event (`eventType`, which adds Open and Click).
 * One notification is one event; its id is the SNS `MessageId` (the envelope's, not the payload's).
 */
export function mapSesNotification(payload: unknown, snsMessageId: string | undefined): EspMapping {
  const message = requireObject(payload, 'payload');
  const eventId = requireString(snsMessageId, 'MessageId');
  const type = message.eventType ?? message.notificationType;
  const field = message.eventType !== undefined ? 'eventType' : 'notificationType';
  const kind = sesKind(requireString(type, field), message);
  // AmazonSnsSubscriptionSucceeded, sent once when SES starts publishing, has no `mail`.
  if (kind === null) return { events: [], ignored: 1 };
  const mail = requireObject(message.mail, 'mail');
  const event: EspEvent = {
    eventId,
    messageId: sesMessageId(mail),
    kind,
    occurredAt: sesTime(kind, message),
    machine: false,
  };
  return { events: [event], ignored: 0 };
}

function sesKind(type: string, message: JsonObject): EspEventKind | null {
  switch (type) {
    case 'Delivery':
      return 'delivered';
    case 'Bounce': {
      const bounce = requireObject(message.bounce, 'bounce');
      // Undetermined: SES could not tell; treated as temporary so the address is not dropped.
      return requireString(bounce.bounceType, 'bounce.bounceType') === 'Permanent'
        ? 'hard_bounce'
        : 'soft_bounce';
    }
    case 'Complaint':
      return 'complaint';
    case 'Open':
      return 'open';
    case 'Click':
      return 'click';
    default:
      return null; // Send, Reject, DeliveryDelay, Rendering Failure, Subscription, AmazonSnsSubscriptionSucceeded
  }
}

const DETAIL_KEY: Record<EspEventKind, string> = {
  delivered: 'delivery',
  soft_bounce: 'bounce',
  hard_bounce: 'bounce',
  complaint: 'complaint',
  open: 'open',
  click: 'click',
};

function sesTime(kind: EspEventKind, message: JsonObject): string | null {
  const key = DETAIL_KEY[kind];
  const detail = message[key];
  return isObject(detail) ? optionalTime(detail.timestamp, `${key}.timestamp`) : null;
}

/** Our header among the original headers (when the identity includes them), else the SES message tag. */
function sesMessageId(mail: JsonObject): string | null {
  if (mail.headers !== undefined) {
    if (!Array.isArray(mail.headers)) throw new EspPayloadError('mail.headers', 'must be a list');
    const headers = mail.headers.filter(
      (header): header is { name: string; value: string } =>
        isObject(header) && typeof header.name === 'string' && typeof header.value === 'string',
    );
    const fromHeader = headerValue(headers);
    if (fromHeader) return fromHeader;
  }
  if (!isObject(mail.tags)) return null;
  const tags = Object.fromEntries(
    Object.entries(mail.tags).map(([key, values]) => [
      key,
      Array.isArray(values) ? values[0] : undefined,
    ]),
  );
  return customArg(tags);
}
