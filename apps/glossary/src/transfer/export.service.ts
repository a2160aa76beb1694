import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExportPageRequestDto, TermView } from '@sales-suite/contracts';
import { DataSource, MoreThan } from 'typeorm';
import { TermEntity } from '../terms/term.entity';
import { toTermView } from '../terms/term.mapper';
import { csvHeader, termsToCsvRecords } from './term-csv';

const EXPORT_PAGE_SIZE = 500;
/** A page must fit in one NATS message (1 MiB by default): stop adding terms past this. */
const EXPORT_PAGE_MAX_CHARS = 400_000;

export interface ExportPage {
  chunk: string;
  nextAfter: string | null;
}

/**
 * One piece of the export stream, in slug order. The gateway asks for pages one after another
 * and writes each chunk as it comes: the chunks concatenated are one JSON array or CSV file.
 */
@Injectable()
export class ExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page({ format, after }: ExportPageRequestDto): Promise<ExportPage> {
    const rows = await this.dataSource.getRepository(TermEntity).find({
      where: after ? { slug: MoreThan(after) } : {},
      order: { slug: 'ASC' },
      take: EXPORT_PAGE_SIZE + 1,
    });
    const terms: TermView[] = [];
    let chars = 0;
    for (const row of rows.slice(0, EXPORT_PAGE_SIZE)) {
      if (terms.length > 0 && chars > EXPORT_PAGE_MAX_CHARS) break;
      const term = toTermView(row);
      chars += JSON.stringify(term).length;
      terms.push(term);
    }
    const last = rows.length === terms.length;
    const nextAfter = last ? null : terms[terms.length - 1].slug;
    const first = after === undefined;
    if (format === 'csv')
      return { chunk: (first ? csvHeader() : '') + termsToCsvRecords(terms), nextAfter };
    const items = terms.map((term) => JSON.stringify(term)).join(',\n');
    const separator = !first && items ? ',\n' : '';
    return {
      chunk: `${first ? '[\n' : ''}${separator}${items}${last ? '\n]\n' : ''}`,
      nextAfter,
    };
  }
}
