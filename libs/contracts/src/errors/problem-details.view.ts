import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode } from './error-code';

class FieldViolationView {
  @ApiProperty({ example: 'slug' }) field: string;
  @ApiProperty({ example: 'slug must be kebab-case: lowercase letters, digits and single hyphens' })
  reason: string;
}

/** OpenAPI shape of an `application/problem+json` answer (RFC 9457). */
export class ProblemDetailsView {
  @ApiProperty({ example: 'urn:sales-suite:problem:glossary-term-not-found' }) type: string;
  @ApiProperty({ example: 'Not Found' }) title: string;
  @ApiProperty({ example: 404 }) status: number;
  @ApiProperty({ example: 'No term has the slug "pipeline-velocity"' }) detail: string;
  @ApiProperty({ enum: ErrorCode, example: ErrorCode.GlossaryTermNotFound }) code: ErrorCode;
  @ApiPropertyOptional({ example: '/v1/glossary/terms/pipeline-velocity' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldViolationView] }) errors?: FieldViolationView[];
}
