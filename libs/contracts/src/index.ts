export * from './common';
export * from './errors';
export * from './gateway';
export * from './glossary';
export * from './service-names';
