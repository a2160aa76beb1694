import { Module } from '@nestjs/common';
import { FunnelUsesConsumer } from './funnel-uses.consumer';
import { TermRevisionsService } from './term-revisions.service';
import { TermUsesStore } from './term-uses.store';
import { TermWriter } from './term-writer';
import { TermsEventsListener } from './terms-events.listener';
import { TermsVersion } from './terms-version';
import { TermsHandlers } from './terms.handlers';
import { TermsService } from './terms.service';

@Module({
  controllers: [TermsHandlers],
  providers: [
    TermsService,
    TermRevisionsService,
    TermWriter,
    TermsVersion,
    TermsEventsListener,
    TermUsesStore,
    FunnelUsesConsumer,
  ],
  exports: [TermsService, TermWriter, TermsVersion],
})
export class TermsModule {}
