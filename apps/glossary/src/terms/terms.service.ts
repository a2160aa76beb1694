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
  ResolvedTermView,
  TermView,
  UpdateTermRequestDto,
  validationFailed,
} from '@sales-suite/contracts';
import { OutboxRelayService } from '@sales-suite/persistence';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { DeletedTermEntity } from './deleted-term.entity';
import { TermRevisionEntity } from './term-revision.entity';
import { TermEntity } from './term.entity';
import {
  canonicalFields,
  newTermFields,
  nullPatchViolations,
  patchTermFields,
} from './term-fields';
import { mergeSlugPages } from './term-listing';
import { referencedSlugs, restorableFields } from './term-relations';
import { snapshotView, termFields, toTermView } from './term.mapper';
import { checkExpectedVersion, TermWriter, termNotFound } from './term-writer';
import { TermUsesStore } from './term-uses.store';
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
    private readonly uses: TermUsesStore,
  ) {}

  /**
   * Terms in slug order; the cursor is the last slug seen, so pages stay stable under inserts.
   * With `includeDeleted`, deleted terms (as their last revision left them) are merged in.
   */
  async list(query: ListTermsQueryDto): Promise<Page<TermView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (!query.includeDeleted) {
      const live = await this.listLive(query, after, limit + 1, '');
      const items = live.slice(0, limit);
      return {
        items,
        nextCursor: live.length > limit ? encodeCursor(items[items.length - 1].slug) : null,
      };
    }
    // Merged in code, so both lists are ordered by code point ("C"), the order code compares in.
    const [live, deleted] = await Promise.all([
      this.listLive(query, after, limit + 1, ' COLLATE "C"'),
      this.listDeleted(query, after, limit + 1),
    ]);
    const { items, more } = mergeSlugPages(live, deleted, limit);
    return { items, nextCursor: more ? encodeCursor(items[items.length - 1].slug) : null };
  }

  private async listLive(
    query: ListTermsQueryDto,
    after: string | undefined,
    take: number,
    collation: '' | ' COLLATE "C"',
  ): Promise<TermView[]> {
    const builder = this.dataSource
      .getRepository(TermEntity)
      .createQueryBuilder('term')
      .orderBy(`term.slug${collation}`, 'ASC');
    if (query.category) builder.andWhere('term.category = :category', { category: query.category });
    if (query.status) builder.andWhere('term.status = :status', { status: query.status });
    if (query.tag) builder.andWhere(':tag = ANY(term.tags)', { tag: query.tag });
    if (after !== undefined) builder.andWhere(`term.slug${collation} > :after`, { after });
    return (await builder.take(take).getMany()).map(toTermView);
  }

  /** Deleted terms as their last revision left them; the filters apply to those fields. */
  private async listDeleted(
    query: ListTermsQueryDto,
    after: string | undefined,
    take: number,
  ): Promise<TermView[]> {
    const rows: {
      slug: string;
      created_at: Date;
      deleted_at: Date;
      n: number;
      snapshot: TermRevisionEntity['snapshot'];
      revised_at: Date;
    }[] = await this.dataSource.query(
      `SELECT d.slug, d.created_at, d.deleted_at, r.n, r.snapshot, r.created_at AS revised_at
       FROM glossary.deleted_terms d
       JOIN glossary.term_revisions r ON r.term_id = d.term_id AND r.n = d.version
       WHERE ($1::text IS NULL OR r.snapshot->>'category' = $1)
         AND ($2::text IS NULL OR r.snapshot->>'status' = $2)
         AND ($3::text IS NULL OR r.snapshot->'tags' @> jsonb_build_array($3::text))
         AND ($4::text IS NULL OR d.slug COLLATE "C" > $4)
       ORDER BY d.slug COLLATE "C" LIMIT $5`,
      [query.category ?? null, query.status ?? null, query.tag ?? null, after ?? null, take],
    );
    return rows.map((row) => ({
      ...snapshotView(
        { slug: row.slug, createdAt: row.created_at },
        row.snapshot,
        row.n,
        row.revised_at,
      ),
      deletedAt: row.deleted_at.toISOString(),
    }));
  }

  /** One term, with where other services use it (`usedBy`, from the table of uses). */
  async get(slug: string): Promise<TermView> {
    const term = await this.dataSource.getRepository(TermEntity).findOneBy({ slug });
    if (term)
      return { ...toTermView(term), usedBy: await this.uses.usedBy(this.dataSource.manager, slug) };
    if (await this.dataSource.getRepository(DeletedTermEntity).existsBy({ slug }))
      throw new DomainError(
        ErrorCode.GlossaryTermNotFound,
        `The term "${slug}" was deleted: POST /v1/glossary/terms/${slug}/restore brings it back`,
        { slug, deleted: true },
      );
    throw termNotFound(slug);
  }

  /** The live terms among `slugs`, for services that link to terms. */
  async resolve(slugs: string[]): Promise<ResolvedTermView[]> {
    if (slugs.length === 0) return [];
    const terms = await this.dataSource
      .getRepository(TermEntity)
      .findBy({ slug: In([...new Set(slugs)]) });
    return terms.map((term) => ({
      slug: term.slug,
      name: term.name,
      definition: term.definition,
      status: term.status,
      replacedBy: term.replacedBy,
    }));
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

  /** Deletes a term; one that another service uses needs a replacement (see TermWriter.delete). */
  async delete(request: DeleteTermRequestDto, actor: string): Promise<void> {
    await this.change(async (manager) => {
      const term = await this.writer.lockOne(manager, request.slug);
      checkExpectedVersion(term, request.expectedVersion ?? null);
      await this.writer.delete(manager, term, actor, request.replacedBy ?? null);
    });
  }

  /**
   * Brings a deleted term back from its last revision, as a new revision under the same identity
   * (links to terms deleted since are dropped; the linked terms regain their inverse links).
   */
  async restore(slug: string, actor: string): Promise<TermView> {
    return this.change(async (manager) => {
      const tombstone = await manager
        .getRepository(DeletedTermEntity)
        .createQueryBuilder('deleted')
        .where('deleted.slug = :slug', { slug })
        .setLock('pessimistic_write')
        .getOne();
      if (!tombstone) {
        if (await manager.getRepository(TermEntity).existsBy({ slug }))
          throw new DomainError(
            ErrorCode.GlossarySlugTaken,
            `The term "${slug}" is not deleted: there is nothing to restore`,
            { slug, violations: [{ field: 'slug', reason: 'is a live term' }] },
          );
        throw termNotFound(slug);
      }
      const last = await manager
        .getRepository(TermRevisionEntity)
        .findOneByOrFail({ termId: tombstone.termId, n: tombstone.version });
      const lastFields = canonicalFields(last.snapshot);
      const live = await this.writer.lock(manager, referencedSlugs(lastFields));
      await manager.getRepository(DeletedTermEntity).delete({ termId: tombstone.termId });
      const result = await this.writer.write(
        manager,
        slug,
        null,
        restorableFields(lastFields, new Set(live.keys())),
        { actor, action: 'restored', restoring: { tombstone, lastFields } },
      );
      return result.term;
    }, slug);
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
