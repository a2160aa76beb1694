import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Clears the IP prefix and UA family of opens older than the configured retention. */
@Injectable()
export class OpenDetailsRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OpenDetailsRetentionService.name);
  private timer?: NodeJS.Timeout;
  private readonly retentionHours: number;
  private readonly intervalMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService,
  ) {
    this.retentionHours = config.getOrThrow<number>('OPEN_DETAILS_RETENTION_HOURS');
    this.intervalMs = config.getOrThrow<number>('OPEN_DETAILS_PURGE_INTERVAL_MS');
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.purge().catch((error: Error) =>
        this.logger.warn(`Open details purge will retry: ${error.message}`),
      );
    }, this.intervalMs);
  }

  /** Returns how many opens lost their details. */
  async purge(): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE email.opens SET ip_prefix = NULL, ua_family = NULL
       WHERE (ip_prefix IS NOT NULL OR ua_family IS NOT NULL)
         AND opened_at < now() - make_interval(hours => $1)`,
      [this.retentionHours],
    );
    return affected;
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
