import { Module } from '@nestjs/common';
import { TermsHandlers } from './terms.handlers';
import { TermsService } from './terms.service';

@Module({
  controllers: [TermsHandlers],
  providers: [TermsService],
})
export class TermsModule {}
