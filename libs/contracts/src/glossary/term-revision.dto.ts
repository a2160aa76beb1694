import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { TermRelationView, TermSourceView, TermView } from './term.dto';

export const REVISION_ACTIONS = ['created', 'updated', 'restored', 'linked', 'imported'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

/** A term field's value: text (null when empty), or a list of labels, relations or sources. */
const TERM_FIELD_VALUE = [
  { type: 'string', nullable: true },
  {
    type: 'array',
    items: {
      oneOf: [
        { type: 'string' },
        { $ref: getSchemaPath(TermRelationView) },
        { $ref: getSchemaPath(TermSourceView) },
      ],
    },
  },
];

/** One field of a term as it was before and after a change (`null` where it was unset). */
@ApiExtraModels(TermRelationView, TermSourceView)
export class TermFieldChangeView {
  @ApiProperty({ example: 'definition' }) field: string;
  @ApiProperty({ oneOf: TERM_FIELD_VALUE, example: 'The old definition.' }) from: unknown;
  @ApiProperty({ oneOf: TERM_FIELD_VALUE, example: 'The new definition.' }) to: unknown;
}

/** A revision without its snapshot, as listed. */
export class RevisionSummaryView {
  @ApiProperty({ example: 2, description: 'Equals the term version this revision produced.' })
  n: number;
  @ApiProperty({ enum: REVISION_ACTIONS, example: 'updated' }) action: RevisionAction;
  @ApiProperty({ example: 'ci-bot', description: "The API key's name" }) actor: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [TermFieldChangeView] }) changes: TermFieldChangeView[];
}

export class RevisionView extends RevisionSummaryView {
  @ApiProperty({ type: TermView, description: 'The term as this revision left it.' })
  term: TermView;
}

export class RevisionListView {
  @ApiProperty({ type: [RevisionSummaryView] }) items: RevisionSummaryView[];
}
