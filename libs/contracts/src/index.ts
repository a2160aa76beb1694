export * from './common';
export * from './crm';
export * from './email';
export * from './errors';
export * from './gateway';
export * from './glossary';
export * from './service-names';
