export * from './email.dto';
export * from './email.events';
export * from './email-vocabulary';
export * from './email.subjects';
export * from './pixel-token';
export * from './network-source';
export * from './pixel-partition';
