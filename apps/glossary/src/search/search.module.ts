import { Module } from '@nestjs/common';
import { AnnotateService } from '../annotate/annotate.service';
import { TermsModule } from '../terms/terms.module';
import { SearchHandlers } from './search.handlers';
import { SearchService } from './search.service';

/** Finding terms: by query (search, suggest) and inside free text (annotate). */
@Module({
  imports: [TermsModule],
  controllers: [SearchHandlers],
  providers: [SearchService, AnnotateService],
})
export class SearchModule {}
