import {
  customArg,
  EspEventKind,
  EspMapping,
  isObject,
  JsonObject,
  optionalTime,
  requireObject,
  requireString,
} from './esp-event';

/**
 * A Mailgun webhook post: one `event-data` per request (the `signature` beside it is checked by
 * the gateway); our variable comes back in `user-variables`, the event id is `event-data.id`.
 */
export function mapMailgunEvent(payload: unknown): EspMapping {
  const body = requireObject(payload, 'payload');
  const data = requireObject(body['event-data'], 'event-data');
  const kind = mailgunKind(requireString(data.event, 'event-data.event'), data);
  if (kind === null) return { events: [], ignored: 1 };
  const clientInfo = isObject(data['client-info']) ? data['client-info'] : {};
  return {
    events: [
      {
        eventId: requireString(data.id, 'event-data.id'),
        messageId: customArg(data['user-variables']),
        kind,
        occurredAt: optionalTime(data.timestamp, 'event-data.timestamp'),
        // `bot` names the machine (e.g. "apple", "gmail") and is empty for a person.
        machine:
          (kind === 'open' || kind === 'click') &&
          typeof clientInfo.bot === 'string' &&
          clientInfo.bot.length > 0,
      },
    ],
    ignored: 0,
  };
}

function mailgunKind(event: string, data: JsonObject): EspEventKind | null {
  switch (event) {
    case 'delivered':
      return 'delivered';
    case 'failed':
      return requireString(data.severity, 'event-data.severity') === 'permanent'
        ? 'hard_bounce'
        : 'soft_bounce';
    case 'complained':
      return 'complaint';
    case 'opened':
      return 'open';
    case 'clicked':
      return 'click';
    default:
      return null; // accepted, rejected, unsubscribed, stored
  }
}
