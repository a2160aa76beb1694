import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CrmEvents } from '../crm/crm.events';
import { EmailEvents } from '../email/email.events';
import { GlossaryEvents } from '../glossary/glossary.subjects';
import { LeadEvents } from '../leads/lead.events';

/** The event types a webhook can subscribe to; `glossary.term.*` stands for every glossary term event. */
export const WEBHOOK_EVENT_TYPES = [
  ...Object.values(LeadEvents),
  EmailEvents.Opened,
  CrmEvents.ContactEnriched,
  ...Object.values(GlossaryEvents),
  'glossary.term.*',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The type of what `POST /v1/webhooks/:id/test` sends. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://hooks.example.com/sales-suite',
    description:
      'http(s) URL; private, loopback, link-local, multicast and unique-local targets are refused unless WEBHOOK_ALLOWED_TARGETS admits them.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['lead.qualified'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: WebhookEventType[];

  @ApiPropertyOptional({ example: 'HubSpot workflow trigger' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

/** A partial change; `enabled: true` re-enables a subscription that was disabled after failures. */
export class UpdateWebhookDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(2048) url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events?: WebhookEventType[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({
    description: 'true re-enables (and retries what was pending), false pauses.',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: WebhookEventType[];
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was disabled.' })
  disabledReason: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) disabledAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CreatedWebhookView extends WebhookView {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The signing secret (Standard Webhooks). Shown once: store it with the receiver.',
  })
  secret: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export class WebhookDeliveryView {
  @ApiProperty({ format: 'uuid', description: 'Sent as `webhook-id`; the same on every attempt.' })
  id: string;
  @ApiProperty({ example: 'lead.qualified' }) eventType: string;
  @ApiProperty({ description: 'The id of the event in the suite (JetStream message id).' })
  eventId: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status: WebhookDeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The last attempt’s HTTP status.' })
  responseCode: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'timeout' }) lastError: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WebhookDeliveryPage {
  @ApiProperty({ type: [WebhookDeliveryView] }) items: WebhookDeliveryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class WebhookIdDto {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'id must be a UUID',
  })
  id: string;
}
