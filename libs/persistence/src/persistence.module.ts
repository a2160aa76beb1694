import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { LeaseKeeper } from './leases/lease-keeper.service';
import { LeaseService } from './leases/lease.service';
import { MigrationOnBootService } from './migration-on-boot.service';
import { InboxService } from './outbox/inbox.service';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { OutboxService } from './outbox/outbox.service';
import { PERSISTENCE_OPTIONS, PersistenceOptions } from './persistence.options';

@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    const exported = [OutboxService, OutboxRelayService, InboxService, LeaseService, LeaseKeeper];
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({
            ...dataSourceOptions(
              config.getOrThrow<string>('DATABASE_URL'),
              options.database,
              options.serviceName,
            ),
            // Wait for PostgreSQL at boot instead of crash-looping; once up, the pool reconnects.
            retryAttempts: Number.MAX_SAFE_INTEGER,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [
        { provide: PERSISTENCE_OPTIONS, useValue: options },
        MigrationOnBootService,
        ...exported,
      ],
      exports: [...exported, PERSISTENCE_OPTIONS],
    };
  }
}
