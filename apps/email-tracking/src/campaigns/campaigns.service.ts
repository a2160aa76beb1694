import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { PIXEL_KEYRING } from '@sales-suite/config';
import {
  CampaignView,
  CreateCampaignDto,
  CreatedMessagesView,
  DeliveryEventDto,
  DeliveryEventsDto,
  DeliveryEventsResultView,
  DeliveryStatus,
  DomainError,
  ErrorCode,
  MESSAGE_ID_CUSTOM_ARG,
  MESSAGE_ID_HEADER,
  MessageView,
  pixelUrl,
  PixelKeyring,
  RejectedRowView,
  RenderedEmailView,
  RenderEmailDto,
  signPixelToken,
  StoreMessagesDto,
  toFieldViolations,
} from '@sales-suite/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { applyDeliveryUpdates } from './delivery-updates';
import { insertUnsubscribeUrl } from '../domain/unsubscribe-link';
import { UnsubscribesService } from '../unsubscribes/unsubscribes.service';
import { insertPixel } from './insert-pixel';

interface CampaignRow {
  id: string;
  name: string;
  subject: string;
  created_at: Date;
}

interface MessageRow {
  id: string;
  campaign_id: string;
  email: string;
  contact_id: string | null;
  lead_id: string | null;
  status: DeliveryStatus;
  unsubscribed_at: Date | null;
  address_unsubscribed: boolean;
}

@Injectable()
export class CampaignsService {
  private readonly publicBaseUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PIXEL_KEYRING) private readonly keyring: PixelKeyring,
    private readonly unsubscribes: UnsubscribesService,
    config: ConfigService,
  ) {
    this.publicBaseUrl = config.getOrThrow<string>('PUBLIC_BASE_URL');
  }

  async createCampaign(input: CreateCampaignDto): Promise<CampaignView> {
    const [row]: CampaignRow[] = await this.dataSource.query(
      `INSERT INTO email.campaigns (name, subject) VALUES ($1, $2) RETURNING *`,
      [input.name, input.subject],
    );
    return {
      id: row.id,
      name: row.name,
      subject: row.subject,
      createdAt: row.created_at.toISOString(),
    };
  }

  /** Stores one slice of a batch in one statement; ids are made here so the order is known. */
  async storeMessages(input: StoreMessagesDto): Promise<CreatedMessagesView> {
    await this.requireCampaign(input.campaignId);
    const ids = input.messages.map(() => randomUUID());
    await this.dataSource.query(
      `INSERT INTO email.messages (id, campaign_id, email, contact_id, lead_id)
       SELECT id, $1, email, contact_id, lead_id
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS m(id, email, contact_id, lead_id)`,
      [
        input.campaignId,
        ids,
        input.messages.map((message) => message.email),
        input.messages.map((message) => message.contactId ?? null),
        input.messages.map((message) => message.leadId ?? null),
      ],
    );
    return {
      campaignId: input.campaignId,
      messages: input.messages.map((message, index) => ({
        id: ids[index],
        email: message.email,
        pixelUrl: this.pixelUrlOf(ids[index]),
      })),
    };
  }

  async getMessage(id: string): Promise<MessageView> {
    const [row]: MessageRow[] = await this.dataSource.query(
      `SELECT m.id, m.campaign_id, m.email, m.contact_id, m.lead_id, m.status, u.unsubscribed_at,
              EXISTS (SELECT 1 FROM email.suppressed_addresses s WHERE s.email = lower(m.email))
                AS address_unsubscribed
       FROM email.messages m LEFT JOIN email.unsubscribes u ON u.message_id = m.id
       WHERE m.id = $1`,
      [id],
    );
    if (!row)
      throw new DomainError(ErrorCode.EmailMessageNotFound, `No message has the id ${id}`, { id });
    return {
      id: row.id,
      campaignId: row.campaign_id,
      email: row.email,
      contactId: row.contact_id,
      leadId: row.lead_id,
      status: row.status,
      unsubscribedAt: row.unsubscribed_at?.toISOString() ?? null,
      addressUnsubscribed: row.address_unsubscribed,
    };
  }

  async render(input: RenderEmailDto): Promise<RenderedEmailView> {
    const message = await this.getMessage(input.messageId);
    const url = this.pixelUrlOf(message.id);
    const unsubscribe = this.unsubscribes.linksFor(message.id);
    return {
      html: insertPixel(insertUnsubscribeUrl(input.html, unsubscribe.url), url),
      pixelUrl: url,
      unsubscribeUrl: unsubscribe.url,
      tagging: {
        headers: { [MESSAGE_ID_HEADER]: message.id, ...unsubscribe.headers },
        customArgs: { [MESSAGE_ID_CUSTOM_ARG]: message.id },
      },
    };
  }

  /**
   * Applies delivery updates row by row: malformed rows and unknown message ids are reported,
   * the good rows are kept (all of them in one transaction). A batch with no good row is a 422.
   */
  async recordDeliveryEvents(input: DeliveryEventsDto): Promise<DeliveryEventsResultView> {
    const rejected: RejectedRowView[] = [];
    const valid: { index: number; event: DeliveryEventDto }[] = [];
    input.events.forEach((raw, index) => {
      const event = plainToInstance(DeliveryEventDto, raw);
      const errors = validateSync(event, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length === 0) valid.push({ index, event });
      for (const violation of toFieldViolations(errors, `events.${index}`))
        rejected.push({ index, ...violation });
    });
    const accepted = await this.dataSource.transaction(async (manager) => {
      const updates = valid.map(({ event }) => ({
        messageId: event.messageId.toLowerCase(),
        type: event.type,
        at: event.occurredAt ? new Date(event.occurredAt) : new Date(),
      }));
      const known = await applyDeliveryUpdates(manager, updates);
      let applied = 0;
      valid.forEach(({ index }, position) => {
        if (known.has(updates[position].messageId)) applied++;
        else
          rejected.push({
            index,
            field: `events.${index}.messageId`,
            reason: 'no message has this id',
          });
      });
      return applied;
    });
    rejected.sort((a, b) => a.index - b.index);
    if (accepted === 0)
      throw new DomainError(
        ErrorCode.EmailDeliveryEventsRejected,
        `No delivery event could be applied: ${rejected
          .slice(0, 5)
          .map((row) => `${row.field}: ${row.reason}`)
          .join('; ')}`,
        { rejected },
      );
    return { accepted, rejected };
  }

  private pixelUrlOf(messageId: string): string {
    return pixelUrl(this.publicBaseUrl, signPixelToken(this.keyring, messageId));
  }

  private async requireCampaign(id: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM email.campaigns WHERE id = $1`,
      [id],
    );
    if (rows.length === 0)
      throw new DomainError(ErrorCode.EmailCampaignNotFound, `No campaign has the id ${id}`, {
        id,
      });
  }
}
