import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AppendImportRowsDto,
  CrmSubjects,
  FinishImportDto,
  ImportErrorsPage,
  ImportErrorsPageDto,
  ImportIdDto,
  ImportPreviewView,
  ImportView,
  PreviewImportDto,
  StartImportDto,
} from '@sales-suite/contracts';
import { Actor } from '@sales-suite/messaging';
import { ImportsService } from './imports.service';

@Controller()
export class ImportsHandlers {
  constructor(private readonly imports: ImportsService) {}

  @MessagePattern(CrmSubjects.StartImport)
  start(@Payload() dto: StartImportDto, @Actor() actor: string): Promise<ImportView> {
    return this.imports.start(dto, actor);
  }

  @MessagePattern(CrmSubjects.PreviewImport)
  preview(@Payload() dto: PreviewImportDto): ImportPreviewView {
    return this.imports.preview(dto);
  }

  @MessagePattern(CrmSubjects.AppendImportRows)
  append(@Payload() dto: AppendImportRowsDto): Promise<{ received: number }> {
    return this.imports.appendRows(dto);
  }

  @MessagePattern(CrmSubjects.FinishImport)
  finish(@Payload() dto: FinishImportDto): Promise<ImportView> {
    return this.imports.finish(dto);
  }

  @MessagePattern(CrmSubjects.AbortImport)
  abort(@Payload() { id }: ImportIdDto): Promise<ImportView> {
    return this.imports.abort(id, 'the upload was interrupted or refused');
  }

  @MessagePattern(CrmSubjects.GetImport)
  get(@Payload() { id }: ImportIdDto): Promise<ImportView> {
    return this.imports.get(id);
  }

  @MessagePattern(CrmSubjects.ImportErrorsPage)
  errorsPage(@Payload() dto: ImportErrorsPageDto): Promise<ImportErrorsPage> {
    return this.imports.errorsPage(dto);
  }
}
