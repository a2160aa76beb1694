import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ContactFitAttributes,
  CrmContactChanged,
  CrmContactLeadRequested,
  Department,
  DEPARTMENTS,
  Seniority,
  SENIORITIES,
} from '../crm/crm.events';
import {
  CLICK_CLASSIFICATIONS,
  ClickClassification,
  EmailClicked,
  EmailOpened,
  EmailUnsubscribed,
  OPEN_CLASSIFICATIONS,
  OpenClassification,
} from '../email/email.events';
import { EXTERNAL_ID_PATTERN } from './lead.dto';
import { LEAD_STAGES, LeadStage } from './lead-vocabulary';

const present = (field: string) => (object: Record<string, unknown>) => object[field] !== null;

/** Whom an email event is about, as every email event the lead funnel consumes names them. */
abstract class EmailRecipientEventDto {
  @ValidateIf(present('contactId'))
  @IsString()
  @MaxLength(100)
  @Matches(EXTERNAL_ID_PATTERN)
  contactId: string | null;

  @ValidateIf(present('leadId'))
  @IsUUID()
  leadId: string | null;
}

/** `email.opened` as the lead funnel accepts it (other teams' fields beyond these are ignored). */
export class EmailOpenedEventDto extends EmailRecipientEventDto implements EmailOpened {
  @IsString()
  @MaxLength(200)
  messageId: string;

  @IsString()
  @MaxLength(200)
  campaignId: string;

  @IsISO8601({ strict: true })
  openedAt: string;

  @IsIn(OPEN_CLASSIFICATIONS)
  classification: OpenClassification;

  @IsOptional()
  @IsString()
  reason?: string;
}

/** `email.unsubscribed` as its consumers (lead funnel, CRM) accept it. */
export class EmailUnsubscribedEventDto extends EmailRecipientEventDto implements EmailUnsubscribed {
  @IsUUID()
  messageId: string;

  @IsUUID()
  campaignId: string;

  @IsISO8601({ strict: true })
  unsubscribedAt: string;
}

/** `email.clicked` as the lead funnel accepts it (other teams' fields beyond these are ignored). */
export class EmailClickedEventDto extends EmailRecipientEventDto implements EmailClicked {
  @IsUUID()
  clickId: string;

  @IsString()
  @MaxLength(200)
  messageId: string;

  @IsString()
  @MaxLength(200)
  campaignId: string;

  @IsString()
  @MaxLength(2048)
  url: string;

  @IsISO8601({ strict: true })
  clickedAt: string;

  @IsIn(CLICK_CLASSIFICATIONS)
  classification: ClickClassification;

  @IsString()
  reason: string;

  @IsBoolean()
  impliedOpen: boolean;
}

export class ContactFitAttributesDto implements ContactFitAttributes {
  @ValidateIf(present('seniority'))
  @IsIn(SENIORITIES)
  seniority: Seniority | null;

  @ValidateIf(present('department'))
  @IsIn(DEPARTMENTS)
  department: Department | null;

  @ValidateIf(present('country'))
  @Matches(/^[A-Z]{2}$/)
  country: string | null;

  @ValidateIf(present('industry'))
  @IsString()
  @MaxLength(100)
  industry: string | null;

  @ValidateIf(present('employeeRange'))
  @IsString()
  @MaxLength(20)
  employeeRange: string | null;

  @IsBoolean()
  freeEmail: boolean;

  @IsBoolean()
  disposableEmail: boolean;

  @IsBoolean()
  roleAccount: boolean;
}

/** `crm.contact.enriched` / `crm.contact.updated` as the lead funnel accepts them. */
export class CrmContactChangedEventDto implements CrmContactChanged {
  @IsString()
  @MaxLength(100)
  @Matches(EXTERNAL_ID_PATTERN)
  contactId: string;

  @ValidateIf(present('accountId'))
  @IsString()
  @MaxLength(100)
  accountId: string | null;

  @ValidateIf(present('email'))
  @IsString()
  @MaxLength(320)
  email: string | null;

  @ValidateNested()
  @Type(() => ContactFitAttributesDto)
  fit: ContactFitAttributesDto;

  @IsArray()
  @IsString({ each: true })
  changedFields: string[];

  @IsISO8601({ strict: true })
  occurredAt: string;
}

/** `crm.contact.lead_requested` as the lead funnel accepts it. */
export class CrmContactLeadRequestedEventDto implements CrmContactLeadRequested {
  @IsString()
  @MaxLength(100)
  @Matches(EXTERNAL_ID_PATTERN)
  contactId: string;

  @IsIn(LEAD_STAGES)
  stage: LeadStage;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @IsUUID()
  importId: string;
}
