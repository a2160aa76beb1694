import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto, QueryBoolean } from '../common/pagination';
import { RateView } from './email.dto';
import { DELIVERY_EVENT_TYPES, DeliveryStatus } from './email-vocabulary';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['sent', ...DELIVERY_EVENT_TYPES];

export class ListCampaignsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Also list archived campaigns.',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeArchived?: boolean;
}

const NAME_OR_SUBJECT = 'give name, subject or both';

/** Absent fields stay; at least one is given. */
export class UpdateCampaignDto {
  @ApiPropertyOptional({
    type: String,
    example: 'December newsletter',
    minLength: 1,
    maxLength: 200,
    description: 'Give name, subject or both.',
  })
  @ValidateIf((dto: UpdateCampaignDto) => dto.name !== undefined || dto.subject === undefined)
  @IsDefined({ message: NAME_OR_SUBJECT })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'What is new in December',
    minLength: 1,
    maxLength: 500,
  })
  @ValidateIf((dto: UpdateCampaignDto) => dto.subject !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  subject?: string;
}

/** Gateway → service: the campaign id from the path plus the body. */
export class UpdateCampaignCommandDto extends UpdateCampaignDto {
  @IsUUID()
  id: string;
}

/** Gateway → service: archive (true) or unarchive (false). */
export class SetCampaignArchivedDto {
  @IsUUID()
  id: string;

  @IsBoolean()
  archived: boolean;
}

/** A campaign with its headline figures, computed as `GET /v1/email/campaigns/:id/stats` does. */
export class CampaignSummaryView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: 'November newsletter' }) name: string;
  @ApiProperty({ type: String, example: 'What is new in November' }) subject: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the campaign was archived; null when it is not.',
  })
  archivedAt: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1200 }) sent: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1180 }) delivered: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 20 }) bounced: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 610 }) uniqueOpens: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 420 }) uniqueHumanOpens: number;
  @ApiProperty({ type: RateView }) openRate: RateView;
  @ApiProperty({ type: RateView }) humanOpenRate: RateView;
}

export class CampaignPageView {
  @ApiProperty({ type: [CampaignSummaryView] }) items: CampaignSummaryView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  nextCursor: string | null;
}

export class CampaignMessagesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'Only messages with this status.' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

/** Gateway → service. `includeEmail` is the gateway's scope decision, never the caller's input. */
export class CampaignMessagesCommandDto extends CampaignMessagesQueryDto {
  @IsUUID()
  id: string;

  @IsBoolean()
  includeEmail: boolean;
}

export class CampaignMessageView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'ada@example.com',
    description: "The recipient's address; null unless the key also holds `crm:read`.",
  })
  email: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'contact-42' }) contactId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) leadId: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES, description: 'The latest delivery status.' })
  status: DeliveryStatus;
  @ApiProperty({ type: String, format: 'date-time' }) sentAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ApiProperty({ type: Boolean, description: 'Opened at least once, by any classification.' })
  opened: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstOpenAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstHumanOpenAt: string | null;
}

export class CampaignMessagePageView {
  @ApiProperty({ type: [CampaignMessageView] }) items: CampaignMessageView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  nextCursor: string | null;
}
