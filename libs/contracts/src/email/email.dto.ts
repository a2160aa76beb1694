import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CLICK_CLASSIFICATIONS,
  ClickClassification,
  OPEN_CLASSIFICATIONS,
  OpenClassification,
} from './email.events';
import {
  DELIVERY_EVENT_TYPES,
  DeliveryEventType,
  DeliveryStatus,
  TRACKING_MODES,
  TrackingMode,
} from './email-vocabulary';

export const MAX_MESSAGES_PER_BATCH = 10_000;
/** Messages per NATS request: the gateway splits bigger batches to stay under the payload limit. */
export const MESSAGES_PER_STORE_REQUEST = 1_000;
export const MAX_DELIVERY_EVENTS_PER_BATCH = 1_000;
export const MAX_RENDER_HTML_LENGTH = 512 * 1024;

const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9_.:@-]+$/;
const EXTERNAL_ID_MESSAGE = 'must hold only letters, digits and _ . : @ -';

export class EmailIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class EmailContactIdDto {
  @ApiProperty({ example: 'contact-42', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  @Matches(EXTERNAL_ID_PATTERN, { message: `id ${EXTERNAL_ID_MESSAGE}` })
  id: string;
}

export class CreateCampaignDto {
  @ApiProperty({ example: 'November newsletter', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'What is new in November', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  subject: string;
}

export class CampaignView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() subject: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NewMessageDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ example: 'contact-42', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(EXTERNAL_ID_PATTERN, { message: `contactId ${EXTERNAL_ID_MESSAGE}` })
  contactId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The lead in the lead funnel, if any.' })
  @IsOptional()
  @IsUUID()
  leadId?: string;
}

export class AddMessagesDto {
  @ApiProperty({ type: [NewMessageDto], maxItems: MAX_MESSAGES_PER_BATCH })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MESSAGES_PER_BATCH)
  @ValidateNested({ each: true })
  @Type(() => NewMessageDto)
  messages: NewMessageDto[];
}

/** Gateway → service: one slice of a batch. */
export class StoreMessagesDto {
  @IsUUID()
  campaignId: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MESSAGES_PER_STORE_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => NewMessageDto)
  messages: NewMessageDto[];
}

export class CreatedMessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({
    example: 'https://t.example.com/t/o/AQJrMT8rjE6dGk57jwABI0VniatTSYgh0mwZL3MLmE2yhgcZ.gif',
  })
  pixelUrl: string;
}

export class CreatedMessagesView {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ type: [CreatedMessageView] }) messages: CreatedMessageView[];
}

export class MessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) contactId: string | null;
  @ApiProperty({ nullable: true, type: String }) leadId: string | null;
  @ApiProperty({ enum: ['sent', ...DELIVERY_EVENT_TYPES] }) status: DeliveryStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: "When this message's one-click unsubscribe link was used; null when it was not.",
  })
  unsubscribedAt: string | null;
  @ApiProperty({
    description:
      'The address unsubscribed through any message (of any campaign): do not send to it again.',
  })
  addressUnsubscribed: boolean;
}

export class RenderEmailDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  messageId: string;

  @ApiProperty({
    example: '<html><body><p>Hello</p></body></html>',
    maxLength: MAX_RENDER_HTML_LENGTH,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_RENDER_HTML_LENGTH)
  html: string;
}

/**
 * What the sender sets on the message so that provider webhooks name it: the header (SES, and
 * any provider that echoes headers) and the same id as a custom argument per provider.
 */
export class MessageTaggingView {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'Headers to add to the message: X-Sales-Suite-Message-Id, and List-Unsubscribe with List-Unsubscribe-Post (RFC 2369, RFC 8058 one-click).',
  })
  headers: Record<string, string>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'Custom arguments: SendGrid `custom_args`, Mailgun `v:` variables (or X-Mailgun-Variables), Postmark `Metadata`, SES message tags.',
  })
  customArgs: Record<string, string>;
}

export class RenderedEmailView {
  @ApiProperty() html: string;
  @ApiProperty() pixelUrl: string;
  @ApiProperty({
    description:
      'The one-click unsubscribe URL (also in tagging.headers as List-Unsubscribe, and in the HTML wherever it had {{unsubscribe_url}}).',
    example: 'https://t.example.com/t/u/AQJrMT8rjE6dGk57jwABI0VniatTSYgh0mwZL3MLmE2y',
  })
  unsubscribeUrl: string;
  @ApiProperty({
    description:
      'How many links were rewritten to signed click-tracking URLs (`<PUBLIC_BASE_URL>/t/c/<token>`).',
  })
  trackedLinks: number;
  @ApiProperty({ type: MessageTaggingView }) tagging: MessageTaggingView;
}

/** One delivery status update, as an ESP webhook relay sends it. Checked row by row. */
export class DeliveryEventDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  messageId: string;

  @ApiProperty({ enum: DELIVERY_EVENT_TYPES })
  @IsIn(DELIVERY_EVENT_TYPES)
  type: DeliveryEventType;

  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to the time received.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}

export class DeliveryEventsDto {
  @ApiProperty({
    type: [DeliveryEventDto],
    maxItems: MAX_DELIVERY_EVENTS_PER_BATCH,
    description: 'Rows are checked one by one: bad rows are reported, good rows are kept.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_DELIVERY_EVENTS_PER_BATCH)
  @IsObject({ each: true, message: 'each event must be an object' })
  events: Record<string, unknown>[];
}

export class RejectedRowView {
  @ApiProperty() index: number;
  @ApiProperty() field: string;
  @ApiProperty() reason: string;
}

export class DeliveryEventsResultView {
  @ApiProperty() accepted: number;
  @ApiProperty({ type: [RejectedRowView] }) rejected: RejectedRowView[];
}

export class ContactTrackingDto {
  @ApiProperty({ description: 'When true, opens by this contact are neither stored nor emitted.' })
  @IsBoolean()
  doNotTrack: boolean;
}

/** Service-side request: the contact id from the path plus the body. */
export class SetContactTrackingDto extends ContactTrackingDto {
  @IsString()
  @MaxLength(100)
  @Matches(EXTERNAL_ID_PATTERN, { message: `contactId ${EXTERNAL_ID_MESSAGE}` })
  contactId: string;
}

export class ContactTrackingView {
  @ApiProperty() contactId: string;
  @ApiProperty() doNotTrack: boolean;
}

export class ErasedTrackingView {
  @ApiProperty() contactId: string;
  @ApiProperty({ description: 'Open records deleted.' }) erasedOpens: number;
  @ApiProperty({ description: 'Click records deleted.' }) erasedClicks: number;
}

export class ConsentDto {
  @ApiProperty({ enum: TRACKING_MODES })
  @IsIn(TRACKING_MODES)
  mode: TrackingMode;
}

export class ConsentView {
  @ApiProperty({ enum: TRACKING_MODES }) mode: TrackingMode;
  @ApiProperty() description: string;
}

export class RateView {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'numerator ÷ denominator; null when the denominator is 0',
  })
  value: number | null;
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiProperty() definition: string;
}

export class TimeToFirstOpenView {
  @ApiProperty({ nullable: true, type: Number }) medianSeconds: number | null;
  @ApiProperty({ nullable: true, type: Number }) p90Seconds: number | null;
  @ApiProperty() samples: number;
  @ApiProperty() definition: string;
}

export class SeriesBucketView {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ enum: ['hour', 'day'] }) granularity: 'hour' | 'day';
  @ApiProperty() opens: number;
  @ApiProperty() humanOpens: number;
  @ApiProperty() clicks: number;
  @ApiProperty() humanClicks: number;
}

export class OpenSeriesView {
  @ApiProperty() definition: string;
  @ApiProperty({ type: [SeriesBucketView] }) buckets: SeriesBucketView[];
}

export class CampaignStatsView {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() sent: number;
  @ApiProperty() delivered: number;
  @ApiProperty() bounced: number;
  @ApiProperty() complaints: number;
  @ApiProperty() totalOpens: number;
  @ApiProperty() uniqueOpens: number;
  @ApiProperty() uniqueHumanOpens: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(OPEN_CLASSIFICATIONS.map((name) => [name, { type: 'integer' }])),
    required: [...OPEN_CLASSIFICATIONS],
    description: 'Total opens by classification (every classification, 0 when none).',
  })
  opensByClassification: Record<OpenClassification, number>;
  @ApiProperty() openRate: RateView;
  @ApiProperty() humanOpenRate: RateView;
  @ApiProperty({ description: 'Messages whose recipient unsubscribed through them.' })
  unsubscribes: number;
  @ApiProperty() unsubscribeRate: RateView;
  @ApiProperty() timeToFirstOpen: TimeToFirstOpenView;
  @ApiProperty({
    description: 'Human opens implied by a human click (included in the open figures).',
  })
  impliedOpens: number;
  @ApiProperty() totalClicks: number;
  @ApiProperty() uniqueClicks: number;
  @ApiProperty() uniqueHumanClicks: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(
      CLICK_CLASSIFICATIONS.map((name) => [name, { type: 'integer' }]),
    ),
    required: [...CLICK_CLASSIFICATIONS],
    description: 'Total clicks by classification (every classification, 0 when none).',
  })
  clicksByClassification: Record<ClickClassification, number>;
  @ApiProperty() clickThroughRate: RateView;
  @ApiProperty() clickToOpenRate: RateView;
  @ApiProperty({ type: () => [LinkStatsView], description: 'Per link, most human clicks first.' })
  links: LinkStatsView[];
  @ApiProperty() series: OpenSeriesView;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'What each figure counts, by figure name.',
  })
  definitions: Record<string, string>;
}

export class LinkStatsView {
  @ApiProperty() url: string;
  @ApiProperty() totalClicks: number;
  @ApiProperty() uniqueClicks: number;
  @ApiProperty() uniqueHumanClicks: number;
}

export class ContactClickView {
  @ApiProperty({ format: 'uuid' }) messageId: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() url: string;
  @ApiProperty({ format: 'date-time' }) clickedAt: string;
  @ApiProperty({ enum: CLICK_CLASSIFICATIONS }) classification: ClickClassification;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) uaFamily: string | null;
}

export class ContactOpenView {
  @ApiProperty({ format: 'uuid' }) messageId: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ enum: OPEN_CLASSIFICATIONS }) classification: OpenClassification;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) uaFamily: string | null;
}

export class ContactEngagementView {
  @ApiProperty() contactId: string;
  @ApiProperty() doNotTrack: boolean;
  @ApiProperty() messages: number;
  @ApiProperty() delivered: number;
  @ApiProperty() totalOpens: number;
  @ApiProperty() uniqueOpens: number;
  @ApiProperty() uniqueHumanOpens: number;
  @ApiProperty() openRate: RateView;
  @ApiProperty() humanOpenRate: RateView;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastHumanOpenAt:
    string | null;
  @ApiProperty({ description: "The contact's messages it unsubscribed through." })
  unsubscribes: number;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'The first unsubscribe of the contact, null when it never unsubscribed.',
  })
  unsubscribedAt: string | null;
  @ApiProperty({ type: [ContactOpenView], description: 'The 50 most recent opens.' })
  recentOpens: ContactOpenView[];
  @ApiProperty() totalClicks: number;
  @ApiProperty({ description: 'Messages with at least one human click.' })
  uniqueHumanClicks: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastHumanClickAt:
    string | null;
  @ApiProperty({ type: [ContactClickView], description: 'The 50 most recent clicks.' })
  recentClicks: ContactClickView[];
}

/** Gateway → service: a verified one-click unsubscribe (the token named the message). */
export class RecordUnsubscribeDto {
  @IsUUID()
  messageId: string;
}

export class UnsubscribeResultView {
  messageId: string;
  /** When the message's unsubscribe was first recorded. */
  unsubscribedAt: string;
  /** True when this request repeated an earlier one (nothing changed). */
  alreadyUnsubscribed: boolean;
}
