export * from './background';
export * from './bootstrap/bootstrap-service';
export * from './bootstrap/shutdown';
export * from './service-core.module';
export * from './privacy/erasure-participant';
