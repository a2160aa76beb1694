import {
  customArg,
  EspEvent,
  EspEventKind,
  EspMapping,
  EspPayloadError,
  JsonObject,
  optionalTime,
  requireObject,
  requireString,
} from './esp-event';

/**
 * A SendGrid Event Webhook post: a JSON array of events, each with its `sg_event_id`; our
 * custom argument comes back as a top-level field of each event.
 */
export function mapSendGridEvents(payload: unknown): EspMapping {
  if (!Array.isArray(payload)) throw new EspPayloadError('payload', 'must be a list of events');
  const events: EspEvent[] = [];
  let ignored = 0;
  payload.forEach((raw, index) => {
    const item = requireObject(raw, `${index}`);
    const kind = sendGridKind(requireString(item.event, `${index}.event`), item);
    if (kind === null) {
      ignored++;
      return;
    }
    events.push({
      eventId: requireString(item.sg_event_id, `${index}.sg_event_id`),
      messageId: customArg(item),
      kind,
      occurredAt: optionalTime(item.timestamp, `${index}.timestamp`),
      machine: kind === 'open' && item.sg_machine_open === true,
    });
  });
  return { events, ignored };
}

function sendGridKind(event: string, item: JsonObject): EspEventKind | null {
  switch (event) {
    case 'delivered':
      return 'delivered';
    case 'bounce':
      // `blocked` is a temporary refusal by the receiving server; `bounce` a permanent one.
      return item.type === 'blocked' ? 'soft_bounce' : 'hard_bounce';
    case 'dropped':
      // SendGrid will not send to this address (suppressed, invalid): it never arrives.
      return 'hard_bounce';
    case 'spamreport':
      return 'complaint';
    case 'open':
      return 'open';
    case 'click':
      return 'click';
    default:
      return null; // processed, deferred, unsubscribe, group_unsubscribe, group_resubscribe
  }
}
