import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MentionView } from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import { TermsVersion, TermsVersionValue } from '../terms/terms-version';
import { annotateDuration, automatonBuildsTotal } from './annotate.metrics';
import { Label, LabelAutomaton } from '../domain/label-automaton';

interface Built {
  automaton: LabelAutomaton;
  version: TermsVersionValue;
}

/** Keeps one automaton over every label and rebuilds it when the terms' version moves. */
@Injectable()
export class AnnotateService {
  private built?: Built;
  private building?: { generation: number; done: Promise<Built> };

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
    const version = this.version.current;
    if (this.built?.version.generation === version.generation) return this.built;
    // One rebuild per version: callers asking for the same one share it, and a caller who saw a
    // newer version (its own write, say) never gets a build started before it.
    let building = this.building;
    if (building?.generation !== version.generation) {
      const started = { generation: version.generation, done: this.build(version) };
      const forget = () => {
        if (this.building === started) this.building = undefined;
      };
      started.done.then(forget, forget);
      building = this.building = started;
    }
    return building.done;
  }

  private async build(version: TermsVersionValue): Promise<Built> {
    const rows: { slug: string; name: string; aliases: string[]; hidden_labels: string[] }[] =
      await this.dataSource.query(`SELECT slug, name, aliases, hidden_labels FROM glossary.terms`);
    const labels: Label[] = rows.flatMap((row) => [
      { text: row.name, slug: row.slug, priority: 0 },
      ...row.aliases.map((text) => ({ text, slug: row.slug, priority: 1 })),
      ...row.hidden_labels.map((text) => ({ text, slug: row.slug, priority: 2 })),
    ]);
    const built = { automaton: new LabelAutomaton(labels), version };
    automatonBuildsTotal.inc({ trigger: this.built ? version.change : 'start' });
    if (!this.built || this.built.version.generation < version.generation) this.built = built;
    return built;
  }
}
