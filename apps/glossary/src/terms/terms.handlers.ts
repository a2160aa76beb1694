import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CategoryCountView,
  CreateTermDto,
  DeleteTermRequestDto,
  GlossarySubjects,
  ListTermsQueryDto,
  Page,
  ResolvedTermView,
  ResolveTermsRequestDto,
  RestoreRevisionRequestDto,
  RevisionRefDto,
  RevisionSummaryView,
  RevisionView,
  TermSlugDto,
  TermView,
  UpdateTermRequestDto,
} from '@sales-suite/contracts';
import { Actor } from '@sales-suite/messaging';
import { TermRevisionsService } from './term-revisions.service';
import { TermsService } from './terms.service';

/** NATS request handlers; payloads are validated by the service's global pipe. */
@Controller()
export class TermsHandlers {
  constructor(
    private readonly terms: TermsService,
    private readonly revisions: TermRevisionsService,
  ) {}

  @MessagePattern(GlossarySubjects.ListTerms)
  list(@Payload() query: ListTermsQueryDto): Promise<Page<TermView>> {
    return this.terms.list(query);
  }

  @MessagePattern(GlossarySubjects.GetTerm)
  get(@Payload() { slug }: TermSlugDto): Promise<TermView> {
    return this.terms.get(slug);
  }

  @MessagePattern(GlossarySubjects.ResolveTerms)
  resolve(@Payload() { slugs }: ResolveTermsRequestDto): Promise<ResolvedTermView[]> {
    return this.terms.resolve(slugs);
  }

  @MessagePattern(GlossarySubjects.CreateTerm)
  create(@Payload() input: CreateTermDto, @Actor() actor: string): Promise<TermView> {
    return this.terms.create(input, actor);
  }

  @MessagePattern(GlossarySubjects.UpdateTerm)
  update(@Payload() request: UpdateTermRequestDto, @Actor() actor: string): Promise<TermView> {
    return this.terms.update(request, actor);
  }

  @MessagePattern(GlossarySubjects.DeleteTerm)
  async delete(
    @Payload() request: DeleteTermRequestDto,
    @Actor() actor: string,
  ): Promise<{ deleted: true }> {
    await this.terms.delete(request, actor);
    return { deleted: true };
  }

  @MessagePattern(GlossarySubjects.RestoreTerm)
  restoreTerm(@Payload() { slug }: TermSlugDto, @Actor() actor: string): Promise<TermView> {
    return this.terms.restore(slug, actor);
  }

  @MessagePattern(GlossarySubjects.ListCategories)
  categories(): Promise<CategoryCountView[]> {
    return this.terms.categories();
  }

  @MessagePattern(GlossarySubjects.ListRevisions)
  revisionList(@Payload() { slug }: TermSlugDto): Promise<RevisionSummaryView[]> {
    return this.revisions.list(slug);
  }

  @MessagePattern(GlossarySubjects.GetRevision)
  revision(@Payload() ref: RevisionRefDto): Promise<RevisionView> {
    return this.revisions.get(ref);
  }

  @MessagePattern(GlossarySubjects.RestoreRevision)
  restore(
    @Payload() request: RestoreRevisionRequestDto,
    @Actor() actor: string,
  ): Promise<TermView> {
    return this.revisions.restore(request, actor);
  }
}
