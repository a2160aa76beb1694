/**
 * Remembers, per network source, which messages it fetched recently, to spot one machine
 * opening many messages at once. In memory on purpose: it must also work when nothing personal
 * may be stored (anonymous mode), and a burst is a matter of seconds.
 */
export class SourceBurstWindow {
  /** source → (message id → last fetch time in ms) */
  private readonly recent = new Map<string, Map<string, number>>();

  constructor(
    private readonly windowMs: number,
    private readonly maxSources = 50_000,
  ) {}

  /** Records a fetch and answers how many distinct messages the source fetched in the window. */
  record(source: string, messageId: string, at: Date): number {
    const now = at.getTime();
    const fetched = this.recent.get(source) ?? new Map<string, number>();
    for (const [id, time] of fetched) if (Math.abs(now - time) > this.windowMs) fetched.delete(id);
    fetched.set(messageId, now);
    // Re-inserting moves the source to the end, so the least recently seen is dropped first.
    this.recent.delete(source);
    this.recent.set(source, fetched);
    if (this.recent.size > this.maxSources)
      this.recent.delete(this.recent.keys().next().value as string);
    return fetched.size;
  }
}
