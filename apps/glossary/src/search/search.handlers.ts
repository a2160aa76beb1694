import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AnnotateDto,
  AnnotateResultView,
  GlossarySubjects,
  SearchQueryDto,
  SearchResultView,
  SuggestQueryDto,
  SuggestResultView,
} from '@sales-suite/contracts';
import { AnnotateService } from '../annotate/annotate.service';
import { SearchService } from './search.service';

@Controller()
export class SearchHandlers {
  constructor(
    private readonly search: SearchService,
    private readonly annotator: AnnotateService,
  ) {}

  @MessagePattern(GlossarySubjects.Search)
  async find(@Payload() query: SearchQueryDto): Promise<SearchResultView> {
    return { items: await this.search.search(query) };
  }

  @MessagePattern(GlossarySubjects.Suggest)
  async suggest(@Payload() query: SuggestQueryDto): Promise<SuggestResultView> {
    return { items: await this.search.suggest(query) };
  }

  @MessagePattern(GlossarySubjects.Annotate)
  async annotate(@Payload() { text }: AnnotateDto): Promise<AnnotateResultView> {
    return { mentions: await this.annotator.annotate(text) };
  }
}
