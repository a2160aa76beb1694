export * from './pagination';
export * from './validation';
export * from './integers';
