/**
 * How many gateways share the rate limit: this one plus every peer heard from within `ttlMs`
 * (each sends a report at least once per heartbeat, even with nothing to count). A peer that
 * stops (or that NATS no longer reaches) drops out after the TTL.
 */
export class LiveReplicas {
  private readonly lastHeard = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  heard(peer: string, now: number): void {
    this.lastHeard.set(peer, now);
  }

  count(now: number): number {
    for (const [peer, heardAt] of this.lastHeard)
      if (now - heardAt > this.ttlMs) this.lastHeard.delete(peer);
    return this.lastHeard.size + 1;
  }
}
