import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { ReadinessIndicator, withTimeout } from '@sales-suite/observability';
import { NatsClientService } from './nats-client.service';

const NATS_CHECK_TIMEOUT_MS = 1500;

/** Ready only if a PING reaches the NATS server and its PONG comes back in time. */
@Injectable()
export class NatsHealthIndicator implements ReadinessIndicator {
  constructor(
    private readonly nats: NatsClientService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('nats');
    try {
      const started = performance.now();
      await withTimeout(this.nats.connection.flush(), NATS_CHECK_TIMEOUT_MS, 'NATS');
      return session.up({ roundTripMs: Math.round(performance.now() - started) });
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}
