import { Injectable } from '@nestjs/common';

/** Why the version last moved: the label of what a rebuild was triggered by. */
export type TermsChange = 'start' | 'local-change' | 'event' | 'resync';

export interface TermsVersionValue {
  generation: number;
  change: TermsChange;
}

/**
 * The version of the whole set of terms, for whatever this replica derives from them and keeps
 * in memory (the annotate automaton, search and suggest results): it moves at once after this
 * replica's own writes, on every term event from any replica (TermsEventsListener), and whenever
 * events may have been missed (resync). Reading it costs nothing.
 */
@Injectable()
export class TermsVersion {
  private value: TermsVersionValue = { generation: 0, change: 'start' };

  get current(): TermsVersionValue {
    return this.value;
  }

  moved(change: Exclude<TermsChange, 'start'>): void {
    this.value = { generation: this.value.generation + 1, change };
  }
}
