import { Module } from '@nestjs/common';
import { TermsModule } from '../terms/terms.module';
import { ExportService } from './export.service';
import { ImportService } from './import.service';
import { TransferHandlers } from './transfer.handlers';

/** Bulk import (JSON or CSV, upsert by slug) and streamed export. */
@Module({
  imports: [TermsModule],
  controllers: [TransferHandlers],
  providers: [ImportService, ExportService],
})
export class TransferModule {}
