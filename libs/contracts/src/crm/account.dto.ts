import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { FieldProvenanceView } from './provenance.dto';

/** Employee ranges as the big data vendors bucket them. */
export const EMPLOYEE_RANGES = [
  '1-10',
  '11-50',
  '51-200',
  '201-500',
  '501-1000',
  '1001-5000',
  '5001-10000',
  '10001+',
] as const;
export type EmployeeRange = (typeof EMPLOYEE_RANGES)[number];

export class AccountFieldsDto {
  @ApiPropertyOptional({ example: 'Acme Robotics', maxLength: 300, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  name?: string | null;

  @ApiPropertyOptional({
    example: 'Industrial Automation',
    maxLength: 100,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string | null;

  @ApiPropertyOptional({ enum: [...EMPLOYEE_RANGES, null], nullable: true })
  @IsOptional()
  @IsIn(EMPLOYEE_RANGES)
  employeeRange?: EmployeeRange | null;

  @ApiPropertyOptional({
    example: 'DE',
    description: 'Name or ISO code',
    maxLength: 100,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  country?: string | null;

  @ApiPropertyOptional({
    example: 'https://www.acme.com',
    maxLength: 500,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  website?: string | null;
}

export class CreateAccountDto extends AccountFieldsDto {
  @ApiProperty({
    example: 'acme.com',
    description: 'A domain or URL; stored as its registrable domain',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(253)
  domain: string;
}

export class UpdateAccountDto extends AccountFieldsDto {}

export class UpdateAccountCommandDto extends UpdateAccountDto {
  @IsUUID()
  id: string;
}

export class AccountIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class AccountHistoryQueryDto extends PageQueryDto {
  @IsUUID()
  id: string;
}

export class ListAccountsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'acme.com', maxLength: 253 })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  domain?: string;

  @ApiPropertyOptional({ example: 'DE' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO-3166 alpha-2 code such as DE' })
  country?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string;
}

export class AccountView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'acme.com' }) domain: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) industry: string | null;
  @ApiProperty({ nullable: true, enum: [...EMPLOYEE_RANGES, null] })
  employeeRange: EmployeeRange | null;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'As imported' }) city: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'As imported, a plain amount' })
  annualRevenue: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/FieldProvenanceView' },
  })
  provenance: Record<string, FieldProvenanceView>;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AccountPageView {
  @ApiProperty({ type: [AccountView] }) items: AccountView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
