import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { connect, JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { ensureStream, StreamDefinition } from './jetstream/streams';
import { natsConnectionOptions, NatsSettings } from './nats-options';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  serviceName: string;
}

/**
 * The app's client connection to NATS: requests, JetStream publishing and consuming, and the
 * readiness check all use it. (The Nest microservice server holds its own connection.)
 */
@Injectable()
export class NatsClientService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(NatsClientService.name);
  private nc?: NatsConnection;
  private connecting?: Promise<NatsConnection>;
  private manager?: JetStreamManager;
  readonly subjectPrefix: string;
  /** Copies of each stream (and of its consumers); also the replica count for any KV bucket. */
  readonly streamReplicas: number;

  constructor(
    private readonly config: ConfigService<
      NatsSettings & { NATS_SUBJECT_PREFIX: string; NATS_STREAM_REPLICAS: number },
      true
    >,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.subjectPrefix = config.get('NATS_SUBJECT_PREFIX', { infer: true });
    this.streamReplicas = config.get('NATS_STREAM_REPLICAS', { infer: true });
  }

  /** Connects in the background: the app boots (and says it is not ready) while NATS is away. */
  onModuleInit(): void {
    const settings: NatsSettings = {
      NATS_URL: this.config.get('NATS_URL', { infer: true }),
      NATS_USER: this.config.get('NATS_USER', { infer: true }),
      NATS_PASSWORD: this.config.get('NATS_PASSWORD', { infer: true }),
    };
    this.connecting = connect(
      natsConnectionOptions(settings, `${this.options.serviceName}-client`),
    );
    this.connecting.then(
      (nc) => {
        this.nc = nc;
        void this.logStatus(nc);
      },
      (error: Error) => this.logger.error(`NATS connection failed: ${error.message}`),
    );
  }

  /** The connection, once established; throws while the first connection is still pending. */
  get connection(): NatsConnection {
    if (!this.nc) throw new Error('NATS is not connected yet');
    return this.nc;
  }

  /** Resolves once the first connection is up (used by background workers such as the relay). */
  connected(): Promise<NatsConnection> {
    if (!this.connecting) throw new Error('NatsClientService was not initialised');
    return this.connecting;
  }

  jetstream(): JetStreamClient {
    return this.connection.jetstream();
  }

  async jetstreamManager(): Promise<JetStreamManager> {
    this.manager ??= await this.connection.jetstreamManager();
    return this.manager;
  }

  /** Creates the stream with this app's prefix and replica count, or brings it up to date. */
  async ensureStream(definition: StreamDefinition): Promise<string> {
    return ensureStream(await this.jetstreamManager(), definition, {
      subjectPrefix: this.subjectPrefix,
      replicas: this.streamReplicas,
    });
  }

  /** Drains on shutdown: buffered publishes are flushed before the socket closes. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.nc) {
      // Never connected: a pending first connection cannot be awaited here, it may never come.
      void this.connecting?.then((nc) => nc.close()).catch(() => undefined);
      return;
    }
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => this.nc?.close());
  }

  private async logStatus(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect' || status.type === 'error') {
        this.logger.warn(`NATS client ${status.type}: ${String(status.data)}`);
      }
    }
  }
}
