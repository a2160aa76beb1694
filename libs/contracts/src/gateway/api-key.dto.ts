import { ApiProperty, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export const API_SCOPES = [
  'glossary:read',
  'glossary:write',
  'crm:read',
  'crm:write',
  'leads:read',
  'leads:write',
  'email:read',
  'email:write',
  'privacy:read',
  'privacy:write',
  'admin',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export class CreateApiKeyDto {
  @ApiProperty({
    example: 'crm-sync',
    description: 'Who uses the key; recorded as the author of changes.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^[\w .@-]+$/, { message: 'name may hold letters, digits, spaces and . _ @ -' })
  name: string;

  @ApiProperty({ enum: API_SCOPES, isArray: true, example: ['glossary:read'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_SCOPES.length)
  @ArrayUnique()
  @IsIn(API_SCOPES, { each: true })
  scopes: ApiScope[];
}

/** A partial change: fields left out keep their value (null is refused); `scopes` replaces the whole set. */
export class UpdateApiKeyDto extends PartialType(CreateApiKeyDto, { skipNullProperties: false }) {}

export class ApiKeyIdDto {
  @ApiProperty({ format: 'uuid' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'id must be a UUID',
  })
  id: string;
}

export class ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'crm-sync' }) name: string;
  @ApiProperty({
    example: 'ssk_a1B2c3D4',
    description: 'The first characters of the key, to recognise it.',
  })
  prefix: string;
  @ApiProperty({ enum: API_SCOPES, isArray: true }) scopes: ApiScope[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ description: 'The secret key. Shown once: only its hash is stored.' })
  key: string;
}
