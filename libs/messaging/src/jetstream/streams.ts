import {
  DiscardPolicy,
  JetStreamManager,
  NatsError,
  RetentionPolicy,
  StorageType,
  StreamConfig,
} from 'nats';
import { prefixed, prefixedStreamName } from '../nats-options';

export interface StreamDefinition {
  name: string;
  subjects: readonly string[];
}

/** Where a stream lives: the run's subject prefix and how many servers keep a copy. */
export interface StreamPlacement {
  subjectPrefix: string;
  /** `NATS_STREAM_REPLICAS`; durable consumers inherit it (they are created with 0 replicas). */
  replicas: number;
}

/** Duplicate publishes with the same message id within this window are dropped by the server. */
const DUPLICATE_WINDOW_NS = 2 * 60 * 1_000_000_000;
const MAX_AGE_NS = 7 * 24 * 60 * 60 * 1_000_000_000;

const STREAM_NOT_FOUND = 10059;
/** JetStream errors that mean "not enough servers for that many replicas". */
const REPLICA_PLACEMENT_ERRORS = new Set([
  10005, // no suitable peers for placement
  10023, // insufficient resources
  10074, // replicas > 1 not supported in non-clustered mode
]);

/** Thrown when the NATS deployment cannot hold `NATS_STREAM_REPLICAS` copies of a stream. */
export class StreamReplicasError extends Error {
  constructor(stream: string, replicas: number, reason: string) {
    super(
      `Stream ${stream} cannot have ${replicas} replicas (NATS says: ${reason}). ` +
        'NATS_STREAM_REPLICAS must not exceed the number of JetStream servers in the NATS cluster ' +
        '(1 for a single server, 3 for a 3-node cluster), and each of them needs room for the stream.',
    );
    this.name = 'StreamReplicasError';
  }
}

/**
 * What must change in an existing stream's configuration to match the wanted subjects and
 * replicas (subjects are only added, never removed: another version may still publish there);
 * undefined when nothing does.
 */
export function streamConfigChanges(
  current: { subjects?: string[]; num_replicas: number },
  wanted: { subjects: readonly string[]; replicas: number },
): Pick<StreamConfig, 'subjects' | 'num_replicas'> | undefined {
  const subjects = current.subjects ?? [];
  const missing = wanted.subjects.filter((subject) => !subjects.includes(subject));
  if (missing.length === 0 && current.num_replicas === wanted.replicas) return undefined;
  return { subjects: [...subjects, ...missing], num_replicas: wanted.replicas };
}

/**
 * Creates the stream, or brings its subjects and replica count up to date (so a deployment that
 * raises NATS_STREAM_REPLICAS scales its existing streams at the next start); returns its
 * (prefixed) name.
 */
export async function ensureStream(
  manager: JetStreamManager,
  definition: StreamDefinition,
  placement: StreamPlacement,
): Promise<string> {
  const name = prefixedStreamName(placement.subjectPrefix, definition.name);
  const subjects = definition.subjects.map((subject) => prefixed(placement.subjectPrefix, subject));
  try {
    const info = await manager.streams.info(name).catch((error: NatsError) => {
      if (error.api_error?.err_code === STREAM_NOT_FOUND) return undefined;
      throw error;
    });
    if (!info) {
      await manager.streams.add({
        name,
        subjects,
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        discard: DiscardPolicy.Old,
        max_age: MAX_AGE_NS,
        duplicate_window: DUPLICATE_WINDOW_NS,
        num_replicas: placement.replicas,
      });
      return name;
    }
    const changes = streamConfigChanges(info.config, { subjects, replicas: placement.replicas });
    if (changes) await manager.streams.update(name, { ...info.config, ...changes });
  } catch (error) {
    const apiError = (error as NatsError).api_error;
    if (apiError?.err_code && REPLICA_PLACEMENT_ERRORS.has(apiError.err_code))
      throw new StreamReplicasError(name, placement.replicas, apiError.description);
    throw error;
  }
  return name;
}
