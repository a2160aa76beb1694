export * from './crm.events';
