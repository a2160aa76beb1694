import { Module } from '@nestjs/common';
import { TermRevisionsService } from './term-revisions.service';
import { TermWriter } from './term-writer';
import { TermsChangedNotifier } from './terms-changed.notifier';
import { TermsVersion } from './terms-version';
import { TermsHandlers } from './terms.handlers';
import { TermsService } from './terms.service';

@Module({
  controllers: [TermsHandlers],
  providers: [TermsService, TermRevisionsService, TermWriter, TermsChangedNotifier, TermsVersion],
  exports: [TermsService, TermWriter, TermsChangedNotifier, TermsVersion],
})
export class TermsModule {}
