import { ApiProperty } from '@nestjs/swagger';
import { FIELD_VALUE, FieldProvenanceView } from './provenance.dto';

/** `POST /enrich/preview`: what enrichment would make of a contact, nothing stored. */
export class EnrichmentPreviewView {
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: FIELD_VALUE },
    description: 'Field → value',
  })
  contact: Record<string, string | boolean | null>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/FieldProvenanceView' },
  })
  provenance: Record<string, FieldProvenanceView>;

  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'The account the work email points to (existing or as it would be created)',
  })
  account: Record<string, string | null> | null;
}
