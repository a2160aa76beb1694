import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { TermStatus } from '@sales-suite/contracts';
import type { TermRelation, TermSource } from './term-fields';

@Entity({ name: 'terms' })
export class TermEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 2000 })
  definition: string;

  @Column({ type: 'varchar', length: 20000, nullable: true })
  details: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ name: 'hidden_labels', type: 'text', array: true, default: () => "'{}'" })
  hiddenLabels: string[];

  @Column({ type: 'varchar', length: 100, nullable: true })
  category: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  relations: TermRelation[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  sources: TermSource[];

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: TermStatus;

  @Column({ name: 'replaced_by', type: 'varchar', length: 100, nullable: true })
  replacedBy: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
