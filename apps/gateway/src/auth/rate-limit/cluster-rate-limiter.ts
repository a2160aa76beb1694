import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { GatewayBroadcasts } from '@sales-suite/contracts';
import { broadcast, listenToBroadcasts, NatsClientService } from '@sales-suite/messaging';
import { randomUUID } from 'node:crypto';
import { LiveReplicas } from './live-replicas';
import {
  decodeRateLimitReport,
  encodeRateLimitReport,
  RATE_LIMIT_BUDGETS,
  RateLimitBudget,
} from './rate-limit-report';
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

/** The config variable that sets each budget's limit per minute. */
const LIMIT_VARIABLES: Record<RateLimitBudget, string> = {
  apiKey: 'RATE_LIMIT_PER_MINUTE',
  authFailures: 'AUTH_FAILURES_PER_MINUTE',
};

/** One budget as this gateway shares it: its counts, and the gateways that share it (same limit). */
interface SharedBudget {
  windows: SlidingWindowRateLimiter;
  peers: LiveReplicas;
  /** Refreshed every sync interval, so that a request reads a number rather than counts peers. */
  replicas: number;
  lastReportAt: number;
}

/**
 * The gateways' per-minute budgets (requests per API key, failed authentications per client
 * network), cluster-wide: each gateway decides locally (no network round trip on the request
 * path, O(1) per request) from its own counts plus what the other gateways report over NATS every
 * SYNC_INTERVAL_MS (see SlidingWindowRateLimiter for how a budget is shared). No datastore: the
 * state is a minute of counts, rebuilt from the reports within a sync interval.
 */
@Injectable()
export class ClusterRateLimiter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly instance = randomUUID();
  private readonly budgets: Record<RateLimitBudget, SharedBudget>;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly nats: NatsClientService,
    config: ConfigService,
  ) {
    const budget = (name: RateLimitBudget): SharedBudget => ({
      windows: new SlidingWindowRateLimiter(
        config.getOrThrow<number>(LIMIT_VARIABLES[name]),
        MINUTE_MS,
      ),
      peers: new LiveReplicas(PEER_TTL_MS),
      replicas: 1,
      lastReportAt: 0,
    });
    this.budgets = { apiKey: budget('apiKey'), authFailures: budget('authFailures') };
  }

  limitPerMinute(budget: RateLimitBudget): number {
    return this.budgets[budget].windows.limit;
  }

  /** Counts one against `key` in `budget` when it has room left. */
  hit(budget: RateLimitBudget, key: string): RateLimitDecision {
    const shared = this.budgets[budget];
    return shared.windows.hit(key, Date.now(), shared.replicas);
  }

  onApplicationBootstrap(): void {
    listenToBroadcasts(this.nats, [GatewayBroadcasts.RateLimitSync], {
      onMessage: (message) => {
        const report = decodeRateLimitReport(message.data);
        // Own reports come back (every replica hears the subject); another limit is another cluster
        // (during a rollout that changes it, old and new replicas each count on their own).
        if (!report || report.instance === this.instance) return;
        const shared = this.budgets[report.budget];
        if (report.limit !== shared.windows.limit) return;
        const now = Date.now();
        shared.peers.heard(report.instance, now);
        for (const count of report.counts) shared.windows.addReported(count, now);
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
    for (const name of RATE_LIMIT_BUDGETS) {
      const shared = this.budgets[name];
      shared.replicas = shared.peers.count(now);
      rateLimitReplicas.set({ budget: name }, shared.replicas);
      const counts = shared.windows.takeUnreported();
      if (counts.length === 0 && now - shared.lastReportAt < HEARTBEAT_MS) continue;
      shared.lastReportAt = now;
      for (let i = 0; i === 0 || i < counts.length; i += COUNTS_PER_REPORT)
        this.send(name, shared.windows.limit, counts.slice(i, i + COUNTS_PER_REPORT));
    }
  }

  private send(budget: RateLimitBudget, limit: number, counts: WindowCount[]): void {
    const data = encodeRateLimitReport({ instance: this.instance, budget, limit, counts });
    // NATS not connected: counts stay local, so each gateway enforces the limit on its own.
    broadcast(this.nats, GatewayBroadcasts.RateLimitSync, data);
  }
}
