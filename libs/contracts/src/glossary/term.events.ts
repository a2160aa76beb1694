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
}

/** A deleted term made live again from its last revision (`term.version` is the new revision). */
export interface GlossaryTermRestored {
  term: TermView;
}
