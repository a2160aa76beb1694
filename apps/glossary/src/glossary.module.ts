import { Module } from '@nestjs/common';
import { GLOSSARY_EVENTS_STREAM, ServiceNames } from '@sales-suite/contracts';
import { ServiceCoreModule } from '@sales-suite/platform';
import { GlossaryEnv } from './config/glossary.env';
import { GLOSSARY_DATABASE } from './database/glossary.database';
import { SearchModule } from './search/search.module';
import { TermsModule } from './terms/terms.module';
import { TransferModule } from './transfer/transfer.module';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: ServiceNames.Glossary,
      env: GlossaryEnv,
      database: GLOSSARY_DATABASE,
      streams: [GLOSSARY_EVENTS_STREAM],
    }),
    TermsModule,
    SearchModule,
    TransferModule,
  ],
})
export class GlossaryModule {}
