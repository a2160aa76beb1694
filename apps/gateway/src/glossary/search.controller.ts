import { Query } from '@nestjs/common';
import {
  GlossarySubjects,
  SearchQueryDto,
  SearchResultView,
  SuggestQueryDto,
  SuggestResultView,
} from '@sales-suite/contracts';
import { Forward, RoutesController } from '../routing/route.decorator';

@RoutesController('glossary', 'v1/glossary')
export class GlossarySearchController {
  @Forward('GET', 'search', GlossarySubjects.Search, {
    operationId: 'searchGlossary',
    scope: 'glossary:read',
    summary: 'Ranked, typo-tolerant search',
    description:
      'Exact name or alias first, then prefix matches, then weighted full text (name A, ' +
      'aliases B, definition C, details D), then trigram similarity for typos (`champoin`).',
    answers: SearchResultView,
    problems: [400, 401, 403],
  })
  search(@Query() query: SearchQueryDto) {
    return query;
  }

  @Forward('GET', 'suggest', GlossarySubjects.Suggest, {
    operationId: 'suggestGlossaryTerms',
    scope: 'glossary:read',
    summary: 'Autocomplete: terms whose name or alias starts with the prefix',
    answers: SuggestResultView,
    problems: [400, 401, 403],
  })
  suggest(@Query() query: SuggestQueryDto) {
    return query;
  }
}
