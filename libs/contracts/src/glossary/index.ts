export * from './glossary.subjects';
export * from './import-export.dto';
export * from './search.dto';
export * from './term-revision.dto';
export * from './term.dto';
export * from './term.events';
