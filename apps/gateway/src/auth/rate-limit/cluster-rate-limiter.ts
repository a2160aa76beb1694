import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { GatewayBroadcasts } from '@sales-suite/contracts';
import { broadcast, listenToBroadcasts, NatsClientService } from '@sales-suite/messaging';
import { randomUUID } from 'node:crypto';
import { LiveReplicas } from './live-replicas';
import { decodeRateLimitReport, encodeRateLimitReport } from './rate-limit-report';
import { rateLimitReplicas } from './rate-limit.metrics';
import {
  RateLimitDecision,
  SlidingWindowRateLimiter,
  WindowCount,
} from './sliding-window-rate-limiter';

const MINUTE_MS = 60_000;
/** How often each gateway reports what it accepted (Kong's cluster policy syncs at this pace). */
const SYNC_INTERVAL_MS = 100;
/** A gateway with nothing to report still says it is there, so that the others count it. */
const HEARTBEAT_MS = 1000;
/** A gateway not heard from for this long no longer shares the budget. */
const PEER_TTL_MS = 3000;
/** Counts per message: keeps a report far below NATS's 1 MB payload limit. */
const COUNTS_PER_REPORT = 5000;

/**
 * The per-key rate limit, cluster-wide: each gateway decides locally (no network round trip on
 * the request path, O(1) per request) from its own counts plus what the other gateways report
 * over NATS every SYNC_INTERVAL_MS (see SlidingWindowRateLimiter for how the budget is shared).
 * No datastore: the state is a minute of counts, rebuilt from the reports within a sync interval.
 */
@Injectable()
export class ClusterRateLimiter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly instance = randomUUID();
  private readonly windows: SlidingWindowRateLimiter;
  private readonly peers = new LiveReplicas(PEER_TTL_MS);
  /** Refreshed every sync interval, so that a request reads a number rather than counts peers. */
  private replicas = 1;
  private lastReportAt = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly nats: NatsClientService,
    config: ConfigService,
  ) {
    this.windows = new SlidingWindowRateLimiter(
      config.getOrThrow<number>('RATE_LIMIT_PER_MINUTE'),
      MINUTE_MS,
    );
  }

  get limitPerMinute(): number {
    return this.windows.limit;
  }

  hit(keyId: string): RateLimitDecision {
    return this.windows.hit(keyId, Date.now(), this.replicas);
  }

  onApplicationBootstrap(): void {
    listenToBroadcasts(this.nats, [GatewayBroadcasts.RateLimitSync], {
      onMessage: (message) => {
        const report = decodeRateLimitReport(message.data);
        // Own reports come back (every replica hears the subject); another limit is another cluster
        // (during a rollout that changes it, old and new replicas each count on their own).
        if (!report || report.instance === this.instance || report.limit !== this.windows.limit)
          return;
        const now = Date.now();
        this.peers.heard(report.instance, now);
        for (const count of report.counts) this.windows.addReported(count, now);
      },
      // Reports missed while NATS was away only loosen the limit until the window slides past them.
      onGap: () => undefined,
    });
    this.timer = setInterval(() => this.report(), SYNC_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private report(): void {
    const now = Date.now();
    this.replicas = this.peers.count(now);
    rateLimitReplicas.set(this.replicas);
    const counts = this.windows.takeUnreported();
    if (counts.length === 0 && now - this.lastReportAt < HEARTBEAT_MS) return;
    this.lastReportAt = now;
    for (let i = 0; i === 0 || i < counts.length; i += COUNTS_PER_REPORT)
      this.send(counts.slice(i, i + COUNTS_PER_REPORT));
  }

  private send(counts: WindowCount[]): void {
    const data = encodeRateLimitReport({
      instance: this.instance,
      limit: this.windows.limit,
      counts,
    });
    // NATS not connected: counts stay local, so each gateway enforces the limit on its own.
    broadcast(this.nats, GatewayBroadcasts.RateLimitSync, data);
  }
}
