export * from './glossary.subjects';
export * from './term.dto';
export * from './term.events';
