import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { FunnelHandlers } from './funnel.handlers';
import { FunnelService } from './funnel.service';
import { GlossaryReplacementsConsumer } from './glossary-replacements.consumer';
import { GlossaryTermsClient } from './glossary-terms.client';

@Module({
  imports: [LeadsModule],
  controllers: [FunnelHandlers],
  providers: [FunnelService, GlossaryTermsClient, GlossaryReplacementsConsumer],
})
export class FunnelModule {}
