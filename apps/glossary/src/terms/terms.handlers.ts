import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateTermDto,
  GlossarySubjects,
  ListTermsQueryDto,
  Page,
  TermSlugDto,
  TermView,
} from '@sales-suite/contracts';
import { TermsService } from './terms.service';

/** NATS request handlers; payloads are validated by the service's global pipe. */
@Controller()
export class TermsHandlers {
  constructor(private readonly terms: TermsService) {}

  @MessagePattern(GlossarySubjects.ListTerms)
  list(@Payload() query: ListTermsQueryDto): Promise<Page<TermView>> {
    return this.terms.list(query);
  }

  @MessagePattern(GlossarySubjects.GetTerm)
  get(@Payload() { slug }: TermSlugDto): Promise<TermView> {
    return this.terms.get(slug);
  }

  @MessagePattern(GlossarySubjects.CreateTerm)
  create(@Payload() input: CreateTermDto): Promise<TermView> {
    return this.terms.create(input);
  }
}
