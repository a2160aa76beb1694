import type { TermView } from './term.dto';

export interface GlossaryTermCreated {
  term: TermView;
}

export interface GlossaryTermUpdated {
  term: TermView;
  changedFields: string[];
}

export interface GlossaryTermDeleted {
  slug: string;
  version: number;
  /** The live term that takes over the deleted one's uses (e.g. funnel links); null: none. */
  replacedBy?: string | null;
}

/** A deleted term made live again from its last revision (`term.version` is the new revision). */
export interface GlossaryTermRestored {
  term: TermView;
}
