import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * Where a field's value came from. `user` is what a person typed (locked against enrichment),
 * `import` a bulk import, `rule:<name>` an offline rule, `provider:<name>` an enrichment provider.
 */
export type FieldSource = 'user' | 'import' | `rule:${string}` | `provider:${string}`;

export class FieldProvenanceView {
  @ApiProperty({ nullable: true, description: 'The value (string, boolean or null)' })
  value: string | boolean | null;

  @ApiProperty({
    example: 'rule:title',
    description: 'user | import | rule:<name> | provider:<name> | email:unsubscribe',
  })
  source: string;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.8 })
  confidence: number;

  @ApiProperty({ format: 'date-time' })
  observedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  verifiedAt: string | null;

  @ApiProperty({ description: 'Set by a person: enrichment never replaces it' })
  locked: boolean;

  @ApiPropertyOptional({ description: 'The value is kept as given but failed validation' })
  invalid?: boolean;

  @ApiPropertyOptional({ example: 'too_short' })
  reason?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'What the source acted on: the email message of an email:unsubscribe',
  })
  sourceRef?: string;
}

export class FieldChangeView {
  @ApiProperty({ example: 'title' }) field: string;
  @ApiProperty({ nullable: true }) oldValue: string | boolean | null;
  @ApiProperty({ nullable: true }) newValue: string | boolean | null;
  @ApiProperty({ example: 'user' }) source: string;
  @ApiProperty() confidence: number;
  @ApiProperty({ example: 'crm-sync', description: 'API key name or job that made the change' })
  actor: string;
  @ApiProperty({
    enum: ['create', 'update', 'enrich', 'import', 'merge', 'refresh', 'unsubscribe'],
  })
  reason: string;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
}

export class FieldHistoryPageView {
  @ApiProperty({ type: [FieldChangeView] }) items: FieldChangeView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
