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
