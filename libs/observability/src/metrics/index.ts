export * from './http-metrics.hook';
export * from './metrics';
export * from './metrics.controller';
