export * from './common';
export * from './crm';
export * from './email';
export * from './errors';
export * from './gateway';
export * from './glossary';
export * from './leads';
export * from './service-names';
