import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsEmailAddress } from '../crm/email-address.validator';
import {
  ERASURE_SERVICES,
  ERASURE_STATUSES,
  ErasureService,
  ErasureStatus,
} from './privacy.events';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Either may be left out, but a given one must be valid: null is refused, not taken as absent. */
const given = (_: object, value: unknown) => value !== undefined;

/** Who to erase: an email, a CRM contact id, or both (the same person). */
export class CreateErasureDto {
  @ApiPropertyOptional({ example: 'person@example.com' })
  @ValidateIf(given)
  @IsEmailAddress()
  email?: string;

  @ApiPropertyOptional({ example: '0b9f5c1e-3a43-4e0c-9a3c-1d2f3e4a5b6c', maxLength: 100 })
  @ValidateIf(given)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  contactId?: string;
}

export class ErasureIdDto {
  @ApiProperty({ format: 'uuid' })
  @Matches(UUID, { message: 'id must be a UUID' })
  id: string;
}

export class ErasureServiceView {
  @ApiProperty({ enum: ERASURE_SERVICES }) service: ErasureService;
  @ApiProperty({ enum: ERASURE_STATUSES }) status: ErasureStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Why it failed; null otherwise.' })
  reason: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { contacts: 1, fieldHistory: 3 },
    description: 'Rows erased or redacted, by kind; empty while pending.',
  })
  erased: Record<string, number>;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
}

/** The audit record of an erasure: no personal data, only a keyed hash of who was erased. */
export class ErasureView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: ERASURE_STATUSES,
    description: 'done when every service is done; failed when one failed.',
  })
  status: ErasureStatus;
  @ApiProperty({
    description:
      'HMAC-SHA256 (hex) of the normalised email, or of the contact id when no email was given, under a server key: proves whom a request was about to whoever knows the email, reveals nothing to others.',
  })
  subjectHmac: string;
  @ApiProperty({ enum: ['email', 'contactId', 'email+contactId'] }) requestedBy: string;
  @ApiProperty({ format: 'uuid', description: 'The API key that asked.' }) requestedByKeyId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({ type: [ErasureServiceView] }) services: ErasureServiceView[];
}
