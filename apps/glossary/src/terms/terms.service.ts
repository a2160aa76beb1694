import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CategoryCountView,
  CreateTermDto,
  decodeCursor,
  DeleteTermRequestDto,
  DomainError,
  encodeCursor,
  ErrorCode,
  ListTermsQueryDto,
  Page,
  TermView,
  UpdateTermRequestDto,
  validationFailed,
} from '@sales-suite/contracts';
import { OutboxRelayService } from '@sales-suite/persistence';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { TermEntity } from './term.entity';
import { newTermFields, nullPatchViolations, patchTermFields } from './term-fields';
import { termFields, toTermView } from './term.mapper';
import { checkExpectedVersion, TermWriter, termNotFound } from './term-writer';
import { TermsVersion } from './terms-version';

const DEFAULT_PAGE_SIZE = 20;
const UNIQUE_VIOLATION = '23505';
const DEADLOCK = '40P01';

@Injectable()
export class TermsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: TermWriter,
    private readonly relay: OutboxRelayService,
    private readonly version: TermsVersion,
  ) {}

  /** Terms in slug order; the cursor is the last slug seen, so pages stay stable under inserts. */
  async list(query: ListTermsQueryDto): Promise<Page<TermView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const builder = this.dataSource
      .getRepository(TermEntity)
      .createQueryBuilder('term')
      .orderBy('term.slug', 'ASC');
    if (query.category) builder.andWhere('term.category = :category', { category: query.category });
    if (query.status) builder.andWhere('term.status = :status', { status: query.status });
    if (query.tag) builder.andWhere(':tag = ANY(term.tags)', { tag: query.tag });
    if (query.cursor) builder.andWhere('term.slug > :after', { after: decodeCursor(query.cursor) });
    const rows = await builder.take(limit + 1).getMany();
    const items = rows.slice(0, limit).map(toTermView);
    return {
      items,
      nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].slug) : null,
    };
  }

  async get(slug: string): Promise<TermView> {
    const term = await this.dataSource.getRepository(TermEntity).findOneBy({ slug });
    if (!term) throw termNotFound(slug);
    return toTermView(term);
  }

  async categories(): Promise<CategoryCountView[]> {
    const rows: { category: string; count: string }[] = await this.dataSource.query(
      `SELECT category, count(*) AS count FROM glossary.terms
       WHERE category IS NOT NULL GROUP BY category ORDER BY category`,
    );
    return rows.map((row) => ({ category: row.category, count: Number(row.count) }));
  }

  async create(input: CreateTermDto, actor: string): Promise<TermView> {
    const { slug, ...fields } = input;
    return this.change(async (manager) => {
      const result = await this.writer.write(manager, slug, null, newTermFields(fields), {
        actor,
        action: 'created',
      });
      return result.term;
    }, slug);
  }

  async update(request: UpdateTermRequestDto, actor: string): Promise<TermView> {
    const nulls = nullPatchViolations(request.changes);
    if (nulls.length > 0) throw validationFailed(nulls);
    return this.change(async (manager) => {
      const term = await this.writer.lockOne(manager, request.slug);
      checkExpectedVersion(term, request.expectedVersion ?? null);
      const fields = patchTermFields(termFields(term), request.changes);
      const result = await this.writer.write(manager, term.slug, term, fields, {
        actor,
        action: 'updated',
      });
      return result.term;
    });
  }

  async delete(request: DeleteTermRequestDto, actor: string): Promise<void> {
    await this.change(async (manager) => {
      const term = await this.writer.lockOne(manager, request.slug);
      checkExpectedVersion(term, request.expectedVersion ?? null);
      await this.writer.delete(manager, term, actor);
    });
  }

  /**
   * Runs a change in one transaction; afterwards the relay publishes its events at once (other
   * replicas follow them) and this replica's terms' version moves without waiting for them (the
   * annotate automaton and cached search results follow it). Races surface as 409s, never 500s.
   */
  async change<T>(work: (manager: EntityManager) => Promise<T>, slug?: string): Promise<T> {
    try {
      const result = await this.dataSource.transaction(work);
      this.relay.publishSoon();
      this.version.moved('local-change');
      return result;
    } catch (error) {
      const code =
        error instanceof QueryFailedError && (error.driverError as { code?: string }).code;
      if (code === UNIQUE_VIOLATION && slug)
        throw new DomainError(
          ErrorCode.GlossarySlugTaken,
          `A term with the slug "${slug}" already exists`,
          { slug },
        );
      if (code === DEADLOCK || code === UNIQUE_VIOLATION)
        throw new DomainError(
          ErrorCode.Conflict,
          'A concurrent change touched the same terms; retry',
        );
      throw error;
    }
  }
}
