export * from './privacy.dto';
export * from './privacy.events';
