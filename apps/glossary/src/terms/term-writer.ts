import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  TermFieldChangeView,
  GlossaryEvents,
  GlossaryTermCreated,
  GlossaryTermDeleted,
  GlossaryTermRestored,
  GlossaryTermUpdated,
  RevisionAction,
  TermView,
} from '@sales-suite/contracts';
import { OutboxService } from '@sales-suite/persistence';
import { EntityManager } from 'typeorm';
import { removalRefusal } from '../domain/term-uses';
import { DeletedTermEntity } from './deleted-term.entity';
import { TermEntity } from './term.entity';
import { canonicalFields, diffTermFields, sortRelations, TermFields } from './term-fields';
import { termFields, toTermView } from './term.mapper';
import {
  applyRelationEdit,
  inverseRelationEdits,
  referencedSlugs,
  termRuleViolations,
} from './term-relations';
import { TermUsesStore } from './term-uses.store';

export interface WriteResult {
  term: TermView;
  changes: TermFieldChangeView[];
  /** False when the fields were already as asked: no version, revision or event. */
  changed: boolean;
}

export interface WriteOptions {
  actor: string;
  action: RevisionAction;
  /** Bringing a deleted term back: its identity, and the fields its last revision recorded. */
  restoring?: { tombstone: DeletedTermEntity; lastFields: TermFields };
}

const MAX_BROADER_DEPTH = 100;

/**
 * The one way a term changes, inside the caller's transaction: rules checked, referenced terms
 * locked and required to exist, the row written with the next version, the inverse links on the
 * other terms kept in step (each of those gets its own version and revision too), a revision
 * with the field diff stored, and the event queued in the outbox. A term other services use
 * (the table of uses) is deprecated or deleted only with a replacement, which takes over its uses.
 */
@Injectable()
export class TermWriter {
  constructor(
    private readonly outbox: OutboxService,
    private readonly uses: TermUsesStore,
  ) {}

  /** Locks terms by slug (in slug order, so concurrent writers queue instead of deadlocking). */
  async lock(manager: EntityManager, slugs: Iterable<string>): Promise<Map<string, TermEntity>> {
    const wanted = [...new Set(slugs)].sort();
    if (wanted.length === 0) return new Map();
    const rows = await manager
      .getRepository(TermEntity)
      .createQueryBuilder('term')
      .where('term.slug IN (:...wanted)', { wanted })
      .orderBy('term.slug')
      .setLock('pessimistic_write')
      .getMany();
    return new Map(rows.map((row) => [row.slug, row]));
  }

  async lockOne(manager: EntityManager, slug: string): Promise<TermEntity> {
    const term = (await this.lock(manager, [slug])).get(slug);
    if (!term) throw termNotFound(slug);
    return term;
  }

  /** Writes `fields` as the new state of `slug` (`existing` null: a new term). */
  async write(
    manager: EntityManager,
    slug: string,
    existing: TermEntity | null,
    requested: TermFields,
    options: WriteOptions,
  ): Promise<WriteResult> {
    const fields = canonicalFields(requested);
    const violations = termRuleViolations(slug, fields);
    if (violations.length > 0)
      throw new DomainError(
        ErrorCode.GlossaryInvalidRelation,
        violations.map((v) => `${v.field}: ${v.reason}`).join('; '),
        { violations },
      );
    const before = existing ? termFields(existing) : null;
    const changes = diffTermFields(before ?? options.restoring?.lastFields ?? null, fields);
    if (existing && changes.length === 0)
      return { term: toTermView(existing), changes, changed: false };

    const edits = inverseRelationEdits(slug, before?.relations ?? [], fields.relations);
    const others = await this.lock(manager, [...referencedSlugs(fields), ...edits.keys()]);
    const missing = referencedSlugs(fields).filter((other) => !others.has(other));
    if (missing.length > 0) throw unknownTerms(fields, missing);
    // Whatever path deprecates a term (PATCH, import, revision restore): the funnel follows the event.
    if (existing && fields.status === 'deprecated' && existing.status !== 'deprecated')
      await this.retireUses(manager, slug, 'deprecated', fields.replacedBy);

    const saved = await this.save(manager, slug, existing, fields, options.restoring?.tombstone);
    if (!existing && !options.restoring) await this.refuseDeletedSlug(manager, slug);
    await this.record(
      manager,
      saved,
      before === null && !options.restoring ? 'created' : options.action,
      options,
      changes,
    );
    for (const [otherSlug, edit] of edits) {
      const other = others.get(otherSlug);
      if (!other) continue; // a link removed from a term deleted meanwhile
      const otherFields = termFields(other);
      await this.writeLinked(
        manager,
        other,
        {
          ...otherFields,
          relations: sortRelations(applyRelationEdit(otherFields.relations, edit)),
        },
        options.actor,
      );
    }
    if (changes.some((change) => change.field === 'relations'))
      await this.refuseBroaderCycle(manager, slug);
    return { term: toTermView(saved), changes, changed: true };
  }

  /**
   * A used term goes only with a replacement (409 naming the uses otherwise); its uses move to
   * the replacement at once, so that one is guarded before the using service's next snapshot.
   */
  private async retireUses(
    manager: EntityManager,
    slug: string,
    action: 'deleted' | 'deprecated',
    replacedBy: string | null,
  ): Promise<void> {
    const uses = await this.uses.usesOf(manager, slug);
    const refusal = removalRefusal(slug, action, uses, replacedBy);
    if (refusal) throw refusal;
    if (uses.length > 0 && replacedBy !== null) await this.uses.move(manager, slug, replacedBy);
  }

  /** A change made to a term because another term linked or unlinked it. */
  async writeLinked(
    manager: EntityManager,
    term: TermEntity,
    fields: TermFields,
    actor: string,
  ): Promise<void> {
    const changes = diffTermFields(termFields(term), fields);
    if (changes.length === 0) return;
    const saved = await this.save(manager, term.slug, term, fields);
    await this.record(manager, saved, 'linked', { actor, action: 'linked' }, changes);
  }

  /**
   * Deletes a term and every link and replacement pointing at it; a tombstone keeps its identity,
   * so its revisions stay readable and it can be restored. A used term needs a live `replacedBy`,
   * named by the event so the using services move their links.
   */
  async delete(
    manager: EntityManager,
    term: TermEntity,
    actor: string,
    replacedBy: string | null,
  ): Promise<void> {
    if (replacedBy !== null && !(await this.lock(manager, [replacedBy])).has(replacedBy)) {
      const reason = `no term has the slug "${replacedBy}"`;
      throw new DomainError(ErrorCode.GlossaryUnknownTerm, `replacedBy: ${reason}`, {
        violations: [{ field: 'replacedBy', reason }],
      });
    }
    await this.retireUses(manager, term.slug, 'deleted', replacedBy);
    const edits = inverseRelationEdits(term.slug, term.relations, []);
    const replaced: { slug: string }[] = await manager.query(
      `SELECT slug FROM glossary.terms WHERE replaced_by = $1`,
      [term.slug],
    );
    const others = await this.lock(manager, [...edits.keys(), ...replaced.map((row) => row.slug)]);
    for (const other of others.values()) {
      const fields = termFields(other);
      const edit = edits.get(other.slug);
      await this.writeLinked(
        manager,
        other,
        {
          ...fields,
          relations: edit
            ? sortRelations(applyRelationEdit(fields.relations, edit))
            : fields.relations,
          replacedBy: fields.replacedBy === term.slug ? null : fields.replacedBy,
        },
        actor,
      );
    }
    await manager.getRepository(TermEntity).delete({ id: term.id });
    await manager.getRepository(DeletedTermEntity).insert({
      termId: term.id,
      slug: term.slug,
      version: term.version,
      createdAt: term.createdAt,
      deletedBy: actor,
    });
    await this.outbox.enqueue(manager, GlossaryEvents.TermDeleted, {
      slug: term.slug,
      version: term.version,
      replacedBy,
    } satisfies GlossaryTermDeleted);
  }

  private async save(
    manager: EntityManager,
    slug: string,
    existing: TermEntity | null,
    fields: TermFields,
    restoring?: DeletedTermEntity,
  ): Promise<TermEntity> {
    const repository = manager.getRepository(TermEntity);
    if (!existing)
      return repository.save(
        repository.create({
          slug,
          ...fields,
          version: 1,
          // A restored term keeps its id (its revisions hang on it) and continues its versions.
          ...(restoring && {
            id: restoring.termId,
            createdAt: restoring.createdAt,
            version: restoring.version + 1,
          }),
        }),
      );
    // TypeORM's save() would diff the row itself; an explicit UPDATE says exactly what changes.
    // TypeORM answers an UPDATE as [rows, affected count].
    const [rows]: [{ updated_at: Date }[], number] = await manager.query(
      `UPDATE glossary.terms SET name = $2, definition = $3, details = $4, aliases = $5,
         hidden_labels = $6, category = $7, tags = $8, relations = $9, sources = $10, status = $11,
         replaced_by = $12, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $13 RETURNING updated_at`,
      [
        existing.id,
        fields.name,
        fields.definition,
        fields.details,
        fields.aliases,
        fields.hiddenLabels,
        fields.category,
        fields.tags,
        JSON.stringify(fields.relations),
        JSON.stringify(fields.sources),
        fields.status,
        fields.replacedBy,
        existing.version,
      ],
    );
    // The row is locked, so this holds; the version check is the belt to that brace.
    if (rows.length !== 1) throw versionMismatch(slug, existing.version, null);
    return Object.assign(new TermEntity(), existing, fields, {
      version: existing.version + 1,
      updatedAt: rows[0].updated_at,
    });
  }

  private async record(
    manager: EntityManager,
    term: TermEntity,
    action: RevisionAction,
    options: WriteOptions,
    changes: TermFieldChangeView[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO glossary.term_revisions (term_id, n, action, actor, changes, snapshot, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        term.id,
        term.version,
        action,
        options.actor,
        JSON.stringify(changes),
        JSON.stringify(termFields(term)),
        term.updatedAt,
      ],
    );
    const view = toTermView(term);
    if (options.restoring)
      await this.outbox.enqueue(manager, GlossaryEvents.TermRestored, {
        term: view,
      } satisfies GlossaryTermRestored);
    else if (action === 'created' || term.version === 1)
      await this.outbox.enqueue(manager, GlossaryEvents.TermCreated, {
        term: view,
      } satisfies GlossaryTermCreated);
    else
      await this.outbox.enqueue(manager, GlossaryEvents.TermUpdated, {
        term: view,
        changedFields: changes.map((change) => change.field),
      } satisfies GlossaryTermUpdated);
  }

  /**
   * A new term may not take a deleted term's slug: that slug's history and restore belong to the
   * deleted term. Checked after the insert on purpose: an insert that raced a delete of the same
   * slug waited on the unique index until the delete committed, and this later statement sees
   * the tombstone that delete wrote.
   */
  private async refuseDeletedSlug(manager: EntityManager, slug: string): Promise<void> {
    if (await manager.getRepository(DeletedTermEntity).existsBy({ slug }))
      throw new DomainError(
        ErrorCode.GlossarySlugTaken,
        `The slug "${slug}" belongs to a deleted term: restore it (POST /v1/glossary/terms/${slug}/restore) or choose another slug`,
        {
          slug,
          deleted: true,
          violations: [
            { field: 'slug', reason: 'belongs to a deleted term, which can be restored' },
          ],
        },
      );
  }

  /** A broader chain that leads back to the term (A broader B broader A) makes no sense. */
  private async refuseBroaderCycle(manager: EntityManager, slug: string): Promise<void> {
    const rows: unknown[] = await manager.query(
      `WITH RECURSIVE up(slug, depth) AS (
         SELECT link->>'slug', 1 FROM glossary.terms t, jsonb_array_elements(t.relations) link
         WHERE t.slug = $1 AND link->>'type' = 'broader'
         UNION
         SELECT link->>'slug', up.depth + 1
         FROM up JOIN glossary.terms t ON t.slug = up.slug, jsonb_array_elements(t.relations) link
         WHERE link->>'type' = 'broader' AND up.depth < ${MAX_BROADER_DEPTH}
       )
       SELECT 1 FROM up WHERE slug = $1 LIMIT 1`,
      [slug],
    );
    if (rows.length > 0)
      throw new DomainError(
        ErrorCode.GlossaryInvalidRelation,
        `relations: "${slug}" would be broader than itself through a chain of broader terms`,
        {
          violations: [
            { field: 'relations', reason: 'the broader terms form a cycle back to this term' },
          ],
        },
      );
  }
}

export function termNotFound(slug: string): DomainError {
  return new DomainError(ErrorCode.GlossaryTermNotFound, `No term has the slug "${slug}"`, {
    slug,
  });
}

export function versionMismatch(
  slug: string,
  currentVersion: number,
  expectedVersion: number | null,
): DomainError {
  return new DomainError(
    ErrorCode.GlossaryVersionMismatch,
    `The term "${slug}" is at version ${currentVersion}, not ${expectedVersion ?? 'the one expected'}: reload it and retry`,
    { slug, currentVersion },
  );
}

/** Compares the caller's If-Match version (null for `*`) with the locked row. */
export function checkExpectedVersion(term: TermEntity, expectedVersion: number | null): void {
  if (expectedVersion !== null && expectedVersion !== term.version)
    throw versionMismatch(term.slug, term.version, expectedVersion);
}

function unknownTerms(fields: TermFields, missing: string[]): DomainError {
  const unknown = new Set(missing);
  const violations = [
    ...fields.relations
      .filter((relation) => unknown.has(relation.slug))
      .map((relation) => ({
        field: 'relations',
        reason: `no term has the slug "${relation.slug}"`,
      })),
    ...(fields.replacedBy && unknown.has(fields.replacedBy)
      ? [{ field: 'replacedBy', reason: `no term has the slug "${fields.replacedBy}"` }]
      : []),
  ];
  return new DomainError(ErrorCode.GlossaryUnknownTerm, `Unknown term(s): ${missing.join(', ')}`, {
    violations,
  });
}
