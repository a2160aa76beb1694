import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeasedSchedule, LeaseKeeper } from '@sales-suite/persistence';
import { DataSource } from 'typeorm';

/**
 * Clears the IP prefix and UA family of opens older than the configured retention, every
 * `OPEN_DETAILS_PURGE_INTERVAL_MS` on the one replica holding the lease `open-details-retention`
 * (the purge is idempotent: the lease only spares the other replicas the same scan).
 */
@Injectable()
export class OpenDetailsRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly retentionHours: number;
  private readonly schedule: LeasedSchedule;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    keeper: LeaseKeeper,
    config: ConfigService,
  ) {
    this.retentionHours = config.getOrThrow<number>('OPEN_DETAILS_RETENTION_HOURS');
    this.schedule = new LeasedSchedule(
      keeper,
      'open-details-retention',
      config.getOrThrow<number>('OPEN_DETAILS_PURGE_INTERVAL_MS'),
      () => this.purge(),
    );
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  /** Returns how many opens and clicks lost their details. */
  async purge(): Promise<number> {
    const [, opens]: [unknown, number] = await this.dataSource.query(
      `UPDATE email.opens SET ip_prefix = NULL, ua_family = NULL
       WHERE (ip_prefix IS NOT NULL OR ua_family IS NOT NULL)
         AND opened_at < now() - make_interval(hours => $1)`,
      [this.retentionHours],
    );
    const [, clicks]: [unknown, number] = await this.dataSource.query(
      `UPDATE email.clicks SET ip_prefix = NULL, ua_family = NULL
       WHERE (ip_prefix IS NOT NULL OR ua_family IS NOT NULL)
         AND clicked_at < now() - make_interval(hours => $1)`,
      [this.retentionHours],
    );
    return opens + clicks;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }
}
