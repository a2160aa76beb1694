export * from './email.dto';
export * from './email.events';
export * from './email.subjects';
export * from './pixel-token';
export * from './network-source';
export * from './pixel-partition';
export * from './esp-webhook.dto';
