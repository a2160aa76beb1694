export * from './pagination';
export * from './validation';
export * from './unsafe-input';
export * from './integers';
export * from './csv-cells';
