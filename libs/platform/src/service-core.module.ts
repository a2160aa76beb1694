import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { BaseEnv, validateEnv } from '@sales-suite/config';
import { MessagingModule, NatsHealthIndicator, StreamDefinition } from '@sales-suite/messaging';
import { createLoggerModule, HealthModule, MetricsController } from '@sales-suite/observability';
import {
  DatabaseHealthIndicator,
  PersistenceModule,
  ServiceDatabase,
} from '@sales-suite/persistence';

export interface ServiceCoreOptions {
  serviceName: string;
  env: new () => BaseEnv;
  database: ServiceDatabase;
  streams?: readonly StreamDefinition[];
}

/**
 * Everything a service needs besides its features: validated config, JSON logs, NATS, its own
 * PostgreSQL schema with outbox/inbox, `/health/*` checking both, and `/metrics`.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot(options: ServiceCoreOptions): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: (env) => validateEnv(options.env, env),
        }),
        createLoggerModule(options.serviceName),
        MessagingModule.forRoot({ serviceName: options.serviceName }),
        PersistenceModule.forRoot({
          serviceName: options.serviceName,
          database: options.database,
          streams: options.streams ?? [],
        }),
        HealthModule.forRoot([DatabaseHealthIndicator, NatsHealthIndicator]),
      ],
      controllers: [MetricsController],
    };
  }
}
