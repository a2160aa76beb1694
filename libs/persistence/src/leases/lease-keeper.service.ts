import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
// The background folder only, not the platform index: that one loads this library's module.
import { WakeableLoop } from '@sales-suite/platform/background';
import { LEASE_RENEW_MS, LEASE_TTL_MS, LeaseService } from './lease.service';

export type LeaseChange = (name: string, held: boolean) => void;

/**
 * Keeps this replica's leases alive: one statement every `LEASE_RENEW_MS` extends all of them,
 * and leases this replica wants but does not hold (a job's leadership, a stream partition) are
 * tried again on the same beat. Listeners hear when a lease is won or lost. When PostgreSQL does
 * not answer for a whole TTL, every lease counts as lost: another replica may own the work by now.
 * On shutdown the leases are released, so that another replica takes over without waiting.
 */
@Injectable()
export class LeaseKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly wanted = new Set<string>();
  private readonly held = new Set<string>();
  private readonly listeners: LeaseChange[] = [];
  private renewedAt = Date.now();
  // Lease upkeep is not a request: its queries would flood the traces.
  private readonly upkeep = new WakeableLoop(
    { name: LeaseKeeper.name, idleMs: LEASE_RENEW_MS },
    () => context.with(suppressTracing(context.active()), () => this.tick()),
  );

  constructor(readonly leases: LeaseService) {}

  onApplicationBootstrap(): void {
    // At once: leases wanted before bootstrap are tried now, not one beat later.
    this.upkeep.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.upkeep.stop();
    const names = [...this.held];
    this.held.clear();
    await this.leases.release(names).catch(() => undefined);
  }

  onChange(listener: LeaseChange): void {
    this.listeners.push(listener);
  }

  has(name: string): boolean {
    return this.held.has(name);
  }

  /** Names of the leases held now. */
  get holding(): ReadonlySet<string> {
    return this.held;
  }

  /** Keeps trying to take `name` on every beat until it is held (and again after losing it). */
  want(name: string): void {
    this.wanted.add(name);
    if (!this.held.has(name)) this.upkeep.wake();
  }

  /** Tries to take `name` now; when taken, it is kept alive until `give` (not retaken if lost). */
  async take(name: string): Promise<boolean> {
    if (this.upkeep.stopping || !(await this.leases.acquire(name))) return false;
    this.held.add(name);
    return true;
  }

  /** Stops wanting and holding `name`, releasing it for other replicas. */
  async give(name: string): Promise<void> {
    this.wanted.delete(name);
    if (!this.held.delete(name)) return;
    await this.leases.release([name]);
  }

  private async tick(): Promise<void> {
    try {
      const names = [...this.held];
      const renewed = await this.leases.renew(names);
      this.renewedAt = Date.now();
      for (const name of names) if (!renewed.has(name)) this.lose(name);
    } catch (error) {
      if (Date.now() - this.renewedAt >= LEASE_TTL_MS)
        for (const name of this.held) this.lose(name);
      throw error;
    }
    for (const name of this.wanted) {
      if (this.upkeep.stopping || this.held.has(name)) continue;
      if (await this.leases.acquire(name)) {
        this.held.add(name);
        this.emit(name, true);
      }
    }
  }

  private lose(name: string): void {
    this.held.delete(name);
    this.emit(name, false);
  }

  private emit(name: string, held: boolean): void {
    for (const listener of this.listeners) listener(name, held);
  }
}
