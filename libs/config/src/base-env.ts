import { EnvInteger } from './env-integer';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUrl, Matches } from 'class-validator';

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  false: false,
  '0': false,
  no: false,
};

/** "true"/"false" (and 1/0, yes/no) become booleans; anything else stays a string and fails. */
const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (BOOLEAN_WORDS[value.toLowerCase()] ?? value) : value;

/** Variables every app reads. Defaults make `npm start` work on a developer machine. */
export class BaseEnv {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/sales_suite';

  @Matches(/^(nats|tls|ws|wss):\/\/[^,]+(,(nats|tls|ws|wss):\/\/[^,]+)*$/, {
    message: 'NATS_URL must be one or more comma-separated nats:// URLs',
  })
  NATS_URL = 'nats://127.0.0.1:4222';

  @IsOptional()
  @IsString()
  NATS_USER?: string;

  @IsOptional()
  @IsString()
  NATS_PASSWORD?: string;

  /** Prepended to every subject and stream name, so that test runs never collide. */
  @Matches(/^([A-Za-z0-9_-]+\.)*$/, {
    message: 'NATS_SUBJECT_PREFIX must be empty or dot-terminated tokens such as "test42."',
  })
  NATS_SUBJECT_PREFIX = '';

  /**
   * Copies of every JetStream stream (and so of its consumers) kept on distinct NATS servers: 1
   * for a single server, 3 for a 3-node cluster (survives losing one node).
   */
  @EnvInteger(1, 5)
  NATS_STREAM_REPLICAS = 1;

  @EnvInteger(0, 65535)
  HTTP_PORT: number;

  @IsString()
  HTTP_HOST = '0.0.0.0';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** `production` (set by the image) refuses development-only defaults such as the pixel key. */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  @Transform(toBoolean)
  @IsBoolean()
  DB_MIGRATIONS_RUN = true;

  /** How long SIGTERM waits for NATS to drain and in-flight requests to finish. */
  @EnvInteger(0, 120000)
  SHUTDOWN_GRACE_MS = 10000;

  @IsOptional()
  @IsUrl({ require_tld: false })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /**
   * This replica's stable name as an owner of leases (the pod name in Kubernetes): a restarted
   * replica with the same name resumes its own jobs at once. Unset: host name and process id.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, {
    message: 'REPLICA_ID must be 1-128 letters, digits, ".", "_", ":" or "-"',
  })
  REPLICA_ID?: string;
}
