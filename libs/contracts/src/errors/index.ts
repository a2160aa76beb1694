export * from './domain-error';
export * from './error-code';
export * from './problem-details';
export * from './problem-details.view';
export * from './database-unavailable';
