import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  ErrorCode,
  RestoreRevisionRequestDto,
  RevisionRefDto,
  RevisionSummaryView,
  RevisionView,
  TermView,
} from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import { DeletedTermEntity } from './deleted-term.entity';
import { TermRevisionEntity } from './term-revision.entity';
import { TermEntity } from './term.entity';
import { snapshotView } from './term.mapper';
import { checkExpectedVersion, TermWriter, termNotFound } from './term-writer';
import { TermsService } from './terms.service';

/** What revisions hang on: a live term or a deleted one's tombstone. */
type TermIdentity = Pick<TermEntity, 'id' | 'slug' | 'createdAt'>;

@Injectable()
export class TermRevisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly terms: TermsService,
    private readonly writer: TermWriter,
  ) {}

  /** Every revision of a term, live or deleted, oldest first. */
  async list(slug: string): Promise<RevisionSummaryView[]> {
    const term = await this.findTerm(slug);
    const revisions = await this.dataSource
      .getRepository(TermRevisionEntity)
      .find({ where: { termId: term.id }, order: { n: 'ASC' } });
    return revisions.map(({ n, action, actor, createdAt, changes }) => ({
      n,
      action,
      actor,
      createdAt: createdAt.toISOString(),
      changes,
    }));
  }

  async get({ slug, n }: RevisionRefDto): Promise<RevisionView> {
    const term = await this.findTerm(slug);
    const revision = await this.findRevision(term, n);
    return {
      n,
      action: revision.action,
      actor: revision.actor,
      createdAt: revision.createdAt.toISOString(),
      changes: revision.changes,
      term: snapshotView(term, revision.snapshot, n, revision.createdAt),
    };
  }

  /** Makes revision n's fields current again, as a new version (history is never rewritten). */
  async restore(request: RestoreRevisionRequestDto, actor: string): Promise<TermView> {
    return this.terms.change(async (manager) => {
      const term = await this.writer.lockOne(manager, request.slug);
      checkExpectedVersion(term, request.expectedVersion ?? null);
      const revision = await this.findRevision(
        term,
        request.n,
        manager.getRepository(TermRevisionEntity),
      );
      const result = await this.writer.write(manager, term.slug, term, revision.snapshot, {
        actor,
        action: 'restored',
      });
      return result.term;
    });
  }

  /** A live term, or else a deleted one: a deleted term's history stays readable. */
  private async findTerm(slug: string): Promise<TermIdentity> {
    const term = await this.dataSource.getRepository(TermEntity).findOneBy({ slug });
    if (term) return term;
    const deleted = await this.dataSource.getRepository(DeletedTermEntity).findOneBy({ slug });
    if (!deleted) throw termNotFound(slug);
    return { id: deleted.termId, slug: deleted.slug, createdAt: deleted.createdAt };
  }

  private async findRevision(
    term: TermIdentity,
    n: number,
    repository = this.dataSource.getRepository(TermRevisionEntity),
  ): Promise<TermRevisionEntity> {
    const revision = await repository.findOneBy({ termId: term.id, n });
    if (!revision)
      throw new DomainError(
        ErrorCode.GlossaryRevisionNotFound,
        `The term "${term.slug}" has no revision ${n}`,
        { slug: term.slug, n },
      );
    return revision;
  }
}
