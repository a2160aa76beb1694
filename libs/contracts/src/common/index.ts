export * from './pagination';
export * from './validation';
