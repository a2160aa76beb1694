import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ExportPageRequestDto,
  GlossarySubjects,
  ImportReportView,
  ImportRequestDto,
} from '@sales-suite/contracts';
import { Actor } from '@sales-suite/messaging';
import { ExportPage, ExportService } from './export.service';
import { ImportService } from './import.service';

@Controller()
export class TransferHandlers {
  constructor(
    private readonly importer: ImportService,
    private readonly exporter: ExportService,
  ) {}

  @MessagePattern(GlossarySubjects.Import)
  import(@Payload() request: ImportRequestDto, @Actor() actor: string): Promise<ImportReportView> {
    return this.importer.import(request, actor);
  }

  @MessagePattern(GlossarySubjects.ExportPage)
  exportPage(@Payload() request: ExportPageRequestDto): Promise<ExportPage> {
    return this.exporter.page(request);
  }
}
