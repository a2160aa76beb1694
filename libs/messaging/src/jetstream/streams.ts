import { DiscardPolicy, JetStreamManager, NatsError, RetentionPolicy, StorageType } from 'nats';
import { prefixed, prefixedStreamName } from '../nats-options';

export interface StreamDefinition {
  name: string;
  subjects: readonly string[];
}

/** Duplicate publishes with the same message id within this window are dropped by the server. */
const DUPLICATE_WINDOW_NS = 2 * 60 * 1_000_000_000;
const MAX_AGE_NS = 7 * 24 * 60 * 60 * 1_000_000_000;

/** Creates the stream, or brings its subjects up to date; returns its (prefixed) name. */
export async function ensureStream(
  manager: JetStreamManager,
  definition: StreamDefinition,
  subjectPrefix: string,
): Promise<string> {
  const name = prefixedStreamName(subjectPrefix, definition.name);
  const subjects = definition.subjects.map((subject) => prefixed(subjectPrefix, subject));
  try {
    const info = await manager.streams.info(name);
    const missing = subjects.filter((subject) => !info.config.subjects?.includes(subject));
    if (missing.length > 0) {
      await manager.streams.update(name, {
        ...info.config,
        subjects: [...(info.config.subjects ?? []), ...missing],
      });
    }
  } catch (error) {
    if ((error as NatsError).api_error?.err_code !== 10059) throw error;
    await manager.streams.add({
      name,
      subjects,
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: MAX_AGE_NS,
      duplicate_window: DUPLICATE_WINDOW_NS,
      num_replicas: 1,
    });
  }
  return name;
}
