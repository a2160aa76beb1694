import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MentionView } from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import { TermsVersion, TermsVersionValue } from '../terms/terms-version';
import { annotateDuration, automatonBuildsTotal } from './annotate.metrics';
import { Label, LabelAutomaton } from './label-automaton';

interface Built {
  automaton: LabelAutomaton;
  version: TermsVersionValue;
}

/** Keeps one automaton over every label and rebuilds it when the terms' version moves. */
@Injectable()
export class AnnotateService {
  private built?: Built;
  private building?: Promise<Built>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly version: TermsVersion,
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
    const version = await this.version.current();
    const change = TermsVersion.change(this.built?.version, version);
    if (!change && this.built) return this.built;
    // One rebuild at a time; callers arriving meanwhile share it.
    this.building ??= this.build(version, change ?? 'start').finally(
      () => (this.building = undefined),
    );
    return this.building;
  }

  private async build(version: TermsVersionValue, trigger: string): Promise<Built> {
    const rows: { slug: string; name: string; aliases: string[]; hidden_labels: string[] }[] =
      await this.dataSource.query(`SELECT slug, name, aliases, hidden_labels FROM glossary.terms`);
    const labels: Label[] = rows.flatMap((row) => [
      { text: row.name, slug: row.slug, priority: 0 },
      ...row.aliases.map((text) => ({ text, slug: row.slug, priority: 1 })),
      ...row.hidden_labels.map((text) => ({ text, slug: row.slug, priority: 2 })),
    ]);
    this.built = { automaton: new LabelAutomaton(labels), version };
    automatonBuildsTotal.inc({ trigger });
    return this.built;
  }
}
