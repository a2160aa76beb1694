import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A deleted term's identity: its row left `terms`, its revisions stay under `termId`, and
 * restoring it brings the row back with the same id from revision `version`. At most one per
 * slug, and never beside a live term of the same slug (creating one is refused; see TermWriter).
 */
@Entity({ name: 'deleted_terms' })
export class DeletedTermEntity {
  @PrimaryColumn({ name: 'term_id', type: 'uuid' })
  termId: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  slug: string;

  /** The version it had when deleted: its last revision. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', default: () => 'now()' })
  deletedAt: Date;

  @Column({ name: 'deleted_by', type: 'varchar', length: 200 })
  deletedBy: string;
}
