import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { TermFieldChangeView, RevisionAction } from '@sales-suite/contracts';
import type { TermFields } from './term-fields';

/** Immutable: written once per term version, never updated. */
@Entity({ name: 'term_revisions' })
export class TermRevisionEntity {
  @PrimaryColumn({ name: 'term_id', type: 'uuid' })
  termId: string;

  @PrimaryColumn({ type: 'integer' })
  n: number;

  @Column({ type: 'varchar', length: 20 })
  action: RevisionAction;

  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ type: 'jsonb' })
  changes: TermFieldChangeView[];

  @Column({ type: 'jsonb' })
  snapshot: TermFields;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
