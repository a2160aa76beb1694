export * from './email.events';
