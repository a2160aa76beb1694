import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReadinessIndicator, withTimeout } from '@sales-suite/observability';
import { DataSource } from 'typeorm';

const DATABASE_CHECK_TIMEOUT_MS = 1500;

/** Ready only if PostgreSQL answers a query in time. */
@Injectable()
export class DatabaseHealthIndicator implements ReadinessIndicator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('database');
    try {
      const started = performance.now();
      await withTimeout(this.dataSource.query('SELECT 1'), DATABASE_CHECK_TIMEOUT_MS, 'PostgreSQL');
      return session.up({ roundTripMs: Math.round(performance.now() - started) });
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}
