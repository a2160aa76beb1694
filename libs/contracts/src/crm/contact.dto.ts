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
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { PageQueryDto } from '../common/pagination';
import { ProblemDetailsView } from '../errors/problem-details.view';
import { IsEmailAddress } from './email-address.validator';
import { DEPARTMENTS, Department, SENIORITIES, Seniority } from './crm.events';
import { FieldProvenanceView } from './provenance.dto';

/**
 * What a person or a system may set on a contact. An email must be one valid address (it
 * identifies the contact: one contact per normalised email); phones and countries are not
 * refused for their format: a malformed one is kept as given with an `invalid` flag and a reason
 * in its provenance.
 */
export class ContactFieldsDto {
  @ApiPropertyOptional({
    example: 'jane.doe@acme.com',
    format: 'email',
    maxLength: 254,
    nullable: true,
    type: String,
    description:
      'One address (a display name or `mailto:` is stripped); stored trimmed and lower-cased. Unique among contacts.',
  })
  @IsOptional()
  @IsEmailAddress()
  email?: string | null;

  @ApiPropertyOptional({ example: 'Jane', maxLength: 100, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  firstName?: string | null;

  @ApiPropertyOptional({ example: 'Doe', maxLength: 100, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lastName?: string | null;

  @ApiPropertyOptional({
    example: 'VP, Sales & Marketing',
    maxLength: 200,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({
    example: '+1 (415) 555-2671',
    maxLength: 50,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @ApiPropertyOptional({
    example: 'Germany',
    description: 'Name or ISO code',
    maxLength: 100,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  country?: string | null;

  @ApiPropertyOptional({ example: 'Berlin', maxLength: 100, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  accountId?: string | null;

  @ApiPropertyOptional({ example: 'user-42', maxLength: 100, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerId?: string | null;

  @ApiPropertyOptional({
    example: 'webinar',
    description: 'Lead source',
    maxLength: 100,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  source?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean()
  doNotContact?: boolean | null;
}

export class CreateContactDto extends ContactFieldsDto {}

export class CreateContactQueryDto {
  @ApiPropertyOptional({
    default: false,
    description:
      'When a contact already has the email: merge the request into it (200) instead of answering 409. ' +
      'Fields a person set (locked) keep their value, and empty or null values clear nothing, as in an import.',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  upsert?: boolean;
}

/** Gateway → service for `POST /contacts?upsert=true`. */
export class UpsertContactDto extends CreateContactDto {}

/** The service's answer to an upsert: the contact, and whether it was created or merged into. */
export interface ContactUpsertResult {
  contact: ContactView;
  created: boolean;
}

/** A partial update: absent fields stay, `null` clears (and locks the field empty). */
export class UpdateContactDto extends ContactFieldsDto {}

export class ContactIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class UpdateContactCommandDto extends UpdateContactDto {
  @IsUUID()
  id: string;
}

export class ContactHistoryQueryDto extends PageQueryDto {
  @IsUUID()
  id: string;
}

export class ListContactsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerId?: string;

  @ApiPropertyOptional({ example: 'DE', description: 'ISO-3166 alpha-2' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO-3166 alpha-2 code such as DE' })
  country?: string;

  @ApiPropertyOptional({ enum: SENIORITIES })
  @IsOptional()
  @IsIn(SENIORITIES)
  seniority?: Seniority;

  @ApiPropertyOptional({ enum: DEPARTMENTS })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @ApiPropertyOptional({ maxLength: 320 })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;
}

export class MergeContactsDto {
  @ApiProperty({ format: 'uuid', description: 'The contact that stays' })
  @IsUUID()
  primaryId: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    description: 'Merged into the primary, then removed',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  duplicateIds: string[];
}

export class ContactView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) firstName: string | null;
  @ApiProperty({ nullable: true, type: String }) lastName: string | null;
  @ApiProperty({ nullable: true, type: String }) fullName: string | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, enum: [...SENIORITIES, null] }) seniority: Seniority | null;
  @ApiProperty({ nullable: true, enum: [...DEPARTMENTS, null] }) department: Department | null;
  @ApiProperty({ nullable: true, type: String, description: 'As given' }) phone: string | null;
  @ApiProperty({ nullable: true, type: String, example: '+14155552671' }) phoneE164: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'mobile' }) phoneType: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Direct line, as imported' })
  directPhone: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Mobile, as imported' })
  mobilePhone: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The company's switchboard, as imported",
  })
  corporatePhone: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'ISO-3166 alpha-2' }) country:
    string | null;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) accountId: string | null;
  @ApiProperty({ nullable: true, type: String }) ownerId: string | null;
  @ApiProperty({ nullable: true, type: String }) source: string | null;
  @ApiProperty() doNotContact: boolean;
  @ApiProperty() freeEmail: boolean;
  @ApiProperty() disposableEmail: boolean;
  @ApiProperty() roleAccount: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/FieldProvenanceView' },
    description:
      'Every field that has a value (or a person cleared): its source, confidence and freshness',
  })
  provenance: Record<string, FieldProvenanceView>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/CustomFieldView' },
    description: 'Columns of an import that no contact field takes, by header, with their source',
  })
  custom: Record<string, CustomFieldView>;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CustomFieldView {
  @ApiProperty() value: string;
  @ApiProperty({ example: 'import:hubspot-contacts.csv' }) source: string;
  @ApiProperty({ format: 'date-time' }) observedAt: string;
}

export class ContactPageView {
  @ApiProperty({ type: [ContactView] }) items: ContactView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class DuplicateGroupView {
  @ApiProperty({ enum: ['email', 'name_at_account'] }) reason: 'email' | 'name_at_account';
  @ApiProperty({ example: 'jdoe@gmail.com' }) key: string;
  @ApiProperty({ type: [String], format: 'uuid' }) contactIds: string[];
}

export class DuplicateGroupsView {
  @ApiProperty({ type: [DuplicateGroupView] }) groups: DuplicateGroupView[];
}

export class DuplicatesQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only duplicates at this account' })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

/** `409 CRM_CONTACT_EMAIL_TAKEN`: another contact already has the email. */
export class ContactEmailTakenProblemView extends ProblemDetailsView {
  @ApiProperty({ format: 'uuid', description: 'The contact that has the email' })
  existingContactId: string;
}
