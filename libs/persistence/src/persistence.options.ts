import type { StreamDefinition } from '@sales-suite/messaging';
import type { ServiceDatabase } from './data-source-options';

export const PERSISTENCE_OPTIONS = Symbol('PERSISTENCE_OPTIONS');

export interface PersistenceOptions {
  serviceName: string;
  database: ServiceDatabase;
  /** Streams this service publishes to through its outbox; the relay creates them. */
  streams: readonly StreamDefinition[];
}
