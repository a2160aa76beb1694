import { Body } from '@nestjs/common';
import { AnnotateDto, AnnotateResultView, GlossarySubjects } from '@sales-suite/contracts';
import { Forward, RoutesController } from '../routing/route.decorator';

@RoutesController('glossary', 'v1/glossary')
export class GlossaryAnnotateController {
  @Forward('POST', 'annotate', GlossarySubjects.Annotate, {
    operationId: 'annotateText',
    status: 200,
    scope: 'glossary:read',
    summary: 'Find every term mentioned in a text',
    description:
      'Names, aliases and hidden labels; case-insensitive, on word boundaries, the longest ' +
      'mention winning where two overlap. Offsets are UTF-16 code units (JavaScript indices).',
    answers: AnnotateResultView,
    problems: [400, 401, 403],
  })
  annotate(@Body() input: AnnotateDto) {
    return input;
  }
}
