import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CreateTermDto,
  decodeCursor,
  DomainError,
  encodeCursor,
  ErrorCode,
  GlossaryEvents,
  GlossaryTermCreated,
  ListTermsQueryDto,
  Page,
  TermView,
} from '@sales-suite/contracts';
import { OutboxRelayService, OutboxService } from '@sales-suite/persistence';
import { DataSource, QueryFailedError } from 'typeorm';
import { TermEntity } from './term.entity';
import { toTermView } from './term.mapper';

const DEFAULT_PAGE_SIZE = 20;
const UNIQUE_VIOLATION = '23505';

@Injectable()
export class TermsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelayService,
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
    if (!term)
      throw new DomainError(ErrorCode.GlossaryTermNotFound, `No term has the slug "${slug}"`, {
        slug,
      });
    return toTermView(term);
  }

  async create(input: CreateTermDto): Promise<TermView> {
    try {
      const created = await this.dataSource.transaction(async (manager) => {
        const term = await manager.getRepository(TermEntity).save(
          manager.getRepository(TermEntity).create({
            slug: input.slug,
            name: input.name,
            definition: input.definition,
            details: input.details ?? null,
            aliases: input.aliases ?? [],
            category: input.category ?? null,
            tags: input.tags ?? [],
            status: input.status ?? 'draft',
          }),
        );
        const view = toTermView(term);
        await this.outbox.enqueue(manager, GlossaryEvents.TermCreated, {
          term: view,
        } satisfies GlossaryTermCreated);
        return view;
      });
      this.relay.publishSoon();
      return created;
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
      ) {
        throw new DomainError(
          ErrorCode.GlossarySlugTaken,
          `A term with the slug "${input.slug}" already exists`,
          {
            slug: input.slug,
          },
        );
      }
      throw error;
    }
  }
}
