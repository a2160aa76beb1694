import type { EspProvider } from '@sales-suite/contracts/core';
import type { EspMapping } from './esp-event';
import { mapMailgunEvent } from './mailgun.mapping';
import { mapPostmarkRecord } from './postmark.mapping';
import { mapSendGridEvents } from './sendgrid.mapping';
import { mapSesNotification } from './ses.mapping';

/** Maps a verified webhook payload of any provider; throws `EspPayloadError` when malformed. */
export function mapEspPayload(
  provider: EspProvider,
  payload: unknown,
  envelopeEventId?: string,
): EspMapping {
  switch (provider) {
    case 'ses':
      return mapSesNotification(payload, envelopeEventId);
    case 'sendgrid':
      return mapSendGridEvents(payload);
    case 'mailgun':
      return mapMailgunEvent(payload);
    case 'postmark':
      return mapPostmarkRecord(payload);
  }
}
