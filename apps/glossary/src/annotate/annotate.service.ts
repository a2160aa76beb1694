import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MentionView } from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import { TermsChangedNotifier } from '../terms/terms-changed.notifier';
import { annotateDuration, automatonBuildsTotal } from './annotate.metrics';
import { Label, LabelAutomaton } from './label-automaton';

/** How often a replica asks the database whether another replica changed the terms. */
const STAMP_CHECK_INTERVAL_MS = 1000;

interface Built {
  automaton: LabelAutomaton;
  generation: number;
  stamp: string;
}

/**
 * Keeps one automaton over every label and rebuilds it when terms change: at once after this
 * replica's own writes, and within a second of another replica's (a cheap digest of slugs and
 * versions, checked at most once a second).
 */
@Injectable()
export class AnnotateService {
  private built?: Built;
  private building?: Promise<Built>;
  private stampCheckedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changed: TermsChangedNotifier,
  ) {}

  async annotate(text: string): Promise<MentionView[]> {
    const { automaton } = await this.current();
    const stopTimer = annotateDuration.startTimer();
    try {
      return automaton.find(text);
    } finally {
      stopTimer();
    }
  }

  private async current(): Promise<Built> {
    if (!this.built) return this.rebuild('start');
    if (this.built.generation !== this.changed.current) return this.rebuild('local-change');
    if (Date.now() - this.stampCheckedAt >= STAMP_CHECK_INTERVAL_MS) {
      this.stampCheckedAt = Date.now();
      if ((await this.stamp()) !== this.built.stamp) return this.rebuild('remote-change');
    }
    return this.built;
  }

  /** One rebuild at a time; callers arriving meanwhile share it. */
  private rebuild(trigger: string): Promise<Built> {
    this.building ??= this.build(trigger).finally(() => (this.building = undefined));
    return this.building;
  }

  private async build(trigger: string): Promise<Built> {
    const generation = this.changed.current;
    const [stamp, rows] = await Promise.all([
      this.stamp(),
      this.dataSource.query(
        `SELECT slug, name, aliases, hidden_labels FROM glossary.terms`,
      ) as Promise<{ slug: string; name: string; aliases: string[]; hidden_labels: string[] }[]>,
    ]);
    const labels: Label[] = rows.flatMap((row) => [
      { text: row.name, slug: row.slug, priority: 0 },
      ...row.aliases.map((text) => ({ text, slug: row.slug, priority: 1 })),
      ...row.hidden_labels.map((text) => ({ text, slug: row.slug, priority: 2 })),
    ]);
    this.built = { automaton: new LabelAutomaton(labels), generation, stamp };
    this.stampCheckedAt = Date.now();
    automatonBuildsTotal.inc({ trigger });
    return this.built;
  }

  private async stamp(): Promise<string> {
    // Every write bumps a version and every delete or insert changes the set of slugs, so this
    // order-independent sum moves on any change (timestamps would not: now() is transaction start).
    const [row]: { count: string; digest: string | null }[] = await this.dataSource.query(
      `SELECT count(*) AS count, sum(hashtext(slug || ':' || version)::bigint) AS digest
       FROM glossary.terms`,
    );
    return `${row.count}:${row.digest ?? ''}`;
  }
}
