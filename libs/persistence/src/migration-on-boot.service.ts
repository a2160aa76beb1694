import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runMigrationsLocked } from './migrations/run-migrations';
import { PERSISTENCE_OPTIONS, PersistenceOptions } from './persistence.options';

/** Applies pending migrations at boot unless DB_MIGRATIONS_RUN=false (Kubernetes runs a Job). */
@Injectable()
export class MigrationOnBootService implements OnModuleInit {
  private readonly logger = new Logger(MigrationOnBootService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService,
    @Inject(PERSISTENCE_OPTIONS) private readonly options: PersistenceOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.get<boolean>('DB_MIGRATIONS_RUN')) return;
    const applied = await runMigrationsLocked(this.dataSource, this.options.database.schema);
    if (applied.length > 0)
      this.logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  }
}
