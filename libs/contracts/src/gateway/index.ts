export * from './api-key.dto';
export * from './gateway.subjects';
export * from './webhook.dto';
export * from './me.dto';
