// Types of nats-cluster.cjs for the TypeScript tests.
export interface NatsNode {
  readonly name: string;
  readonly clientPort: number;
  readonly routePort: number;
  readonly monitorPort: number;
  readonly storeDir: string;
  readonly logFile: string;
  readonly url: string;
  readonly isRunning: boolean;
  /** Starts it again: same config, ports and store directory. */
  start(): Promise<void>;
  /** SIGKILL, as when its machine dies. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface NatsCluster {
  readonly name: string;
  readonly size: number;
  readonly baseDir: string;
  readonly nodes: NatsNode[];
  /** Every node's client URL, comma-separated (a NATS_URL value). */
  readonly url: string;
  /** Resolves with the meta leader's name once every running node agrees on it. */
  waitUntilHealthy(timeoutMs?: number): Promise<string>;
  node(name: string): NatsNode;
  metaLeader(): Promise<NatsNode | undefined>;
  /** Stops every node and removes the store directories. */
  stop(): Promise<void>;
}

export function startNatsCluster(options?: {
  size?: number;
  name?: string;
  timeoutMs?: number;
}): Promise<NatsCluster>;

export function natsServerBinary(): string;
