import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { PIXEL_KEYRING } from '@sales-suite/config';
import {
  DomainError,
  EmailEvents,
  EmailUnsubscribed,
  ErrorCode,
  listUnsubscribeHeaders,
  PixelKeyring,
  signUnsubscribeToken,
  UnsubscribeResultView,
  unsubscribeUrl,
} from '@sales-suite/contracts';
import { OutboxRelayService, OutboxService } from '@sales-suite/persistence';
import { DataSource } from 'typeorm';

export interface UnsubscribeLinks {
  url: string;
  headers: Record<string, string>;
}

/**
 * One-click unsubscribes (RFC 8058): the links render hands out, and the record of their use.
 * Recorded whatever the consent mode or do-not-track: an unsubscribe is a request to honour,
 * not tracking data.
 */
@Injectable()
export class UnsubscribesService {
  private readonly publicBaseUrl: string;
  private readonly mailto: string | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PIXEL_KEYRING) private readonly keyring: PixelKeyring,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelayService,
    config: ConfigService,
  ) {
    this.publicBaseUrl = config.getOrThrow<string>('PUBLIC_BASE_URL');
    this.mailto = config.get<string>('UNSUBSCRIBE_MAILTO');
  }

  linksFor(messageId: string): UnsubscribeLinks {
    const token = signUnsubscribeToken(this.keyring, messageId);
    const url = unsubscribeUrl(this.publicBaseUrl, token);
    return { url, headers: listUnsubscribeHeaders(url, token, this.mailto) };
  }

  /**
   * Records the unsubscribe of one message, its address and `email.unsubscribed` in one
   * transaction; a repeat changes nothing. The message row is locked first, so two concurrent
   * requests for one message emit one event.
   */
  async record(messageId: string): Promise<UnsubscribeResultView> {
    const result = await this.dataSource.transaction(async (manager) => {
      const [message]: {
        id: string;
        campaign_id: string;
        email: string;
        contact_id: string | null;
        lead_id: string | null;
      }[] = await manager.query(
        `SELECT id, campaign_id, email, contact_id, lead_id FROM email.messages WHERE id = $1 FOR UPDATE`,
        [messageId],
      );
      if (!message)
        throw new DomainError(
          ErrorCode.EmailMessageNotFound,
          `No message has the id ${messageId}`,
          {
            id: messageId,
          },
        );
      const [inserted]: { unsubscribed_at: Date }[] = await manager.query(
        `INSERT INTO email.unsubscribes (message_id, campaign_id, contact_id)
         VALUES ($1, $2, $3) ON CONFLICT (message_id) DO NOTHING RETURNING unsubscribed_at`,
        [message.id, message.campaign_id, message.contact_id],
      );
      if (!inserted) {
        const [earlier]: { unsubscribed_at: Date }[] = await manager.query(
          `SELECT unsubscribed_at FROM email.unsubscribes WHERE message_id = $1`,
          [message.id],
        );
        return { messageId: message.id, at: earlier.unsubscribed_at, repeated: true };
      }
      await manager.query(
        `INSERT INTO email.suppressed_addresses (email, contact_id, message_id, reason, suppressed_at)
         VALUES (lower($1), $2, $3, 'unsubscribe', $4) ON CONFLICT (email) DO NOTHING`,
        [message.email, message.contact_id, message.id, inserted.unsubscribed_at],
      );
      await this.outbox.enqueue(manager, EmailEvents.Unsubscribed, {
        messageId: message.id,
        campaignId: message.campaign_id,
        contactId: message.contact_id,
        leadId: message.lead_id,
        unsubscribedAt: inserted.unsubscribed_at.toISOString(),
      } satisfies EmailUnsubscribed);
      return { messageId: message.id, at: inserted.unsubscribed_at, repeated: false };
    });
    if (!result.repeated) this.relay.publishSoon();
    return {
      messageId: result.messageId,
      unsubscribedAt: result.at.toISOString(),
      alreadyUnsubscribed: result.repeated,
    };
  }
}
