interface SourceFetches {
  /** Fetches in arrival order; `head` is the first one still in the window. */
  queue: { messageId: string; time: number }[];
  head: number;
  /** message id → time of its latest fetch in the window */
  latest: Map<string, number>;
}

/**
 * Remembers, per network source, which messages it fetched recently, to spot one machine
 * opening many messages at once. In memory on purpose: it must also work when nothing personal
 * may be stored (anonymous mode), and a burst is a matter of seconds.
 *
 * Each source keeps its fetches in arrival order, so a fetch leaves the window in amortised
 * constant time: a scanner fetching thousands of messages must not make every hit cost a walk
 * over all of them. Hits arrive in time order (out-of-order ones by a few ms at most).
 */
export class SourceBurstWindow {
  private readonly sources = new Map<string, SourceFetches>();

  constructor(
    private readonly windowMs: number,
    private readonly maxSources = 50_000,
  ) {}

  /** Records a fetch and answers how many distinct messages the source fetched in the window. */
  record(source: string, messageId: string, at: Date): number {
    const now = at.getTime();
    const fetches: SourceFetches = this.sources.get(source) ?? {
      queue: [],
      head: 0,
      latest: new Map(),
    };
    const { queue, latest } = fetches;
    while (fetches.head < queue.length && now - queue[fetches.head].time > this.windowMs) {
      const gone = queue[fetches.head++];
      if (latest.get(gone.messageId) === gone.time) latest.delete(gone.messageId);
    }
    if (fetches.head > 1024 && fetches.head * 2 > queue.length) {
      queue.splice(0, fetches.head);
      fetches.head = 0;
    }
    queue.push({ messageId, time: now });
    latest.set(messageId, Math.max(now, latest.get(messageId) ?? now));
    // Re-inserting moves the source to the end, so the least recently seen is dropped first.
    this.sources.delete(source);
    this.sources.set(source, fetches);
    if (this.sources.size > this.maxSources)
      this.sources.delete(this.sources.keys().next().value as string);
    return latest.size;
  }
}
