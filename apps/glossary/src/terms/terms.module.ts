import { Module } from '@nestjs/common';
import { TermRevisionsService } from './term-revisions.service';
import { TermWriter } from './term-writer';
import { TermsEventsListener } from './terms-events.listener';
import { TermsVersion } from './terms-version';
import { TermsHandlers } from './terms.handlers';
import { TermsService } from './terms.service';

@Module({
  controllers: [TermsHandlers],
  providers: [TermsService, TermRevisionsService, TermWriter, TermsVersion, TermsEventsListener],
  exports: [TermsService, TermWriter, TermsVersion],
})
export class TermsModule {}
