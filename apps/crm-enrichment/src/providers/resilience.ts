export type Clock = () => number;

export class CircuitOpenError extends Error {
  constructor(readonly retryAt: number) {
    super('circuit open');
  }
}

/**
 * Closed → open after `failureThreshold` consecutive failures; while open every call fails fast;
 * after `cooldownMs` one trial call is let through (half-open): success closes, failure reopens.
 * Per replica on purpose: each replica learns the provider's health from its own calls, so N
 * replicas make at most N trial calls per cooldown.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(
    private readonly failureThreshold: number,
    private readonly cooldownMs: number,
    private readonly now: Clock = Date.now,
  ) {}

  get state(): 'closed' | 'open' | 'half_open' {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.cooldownMs ? 'half_open' : 'open';
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half_open' && this.trialInFlight))
      throw new CircuitOpenError((this.openedAt ?? 0) + this.cooldownMs);
    this.trialInFlight = state === 'half_open';
    try {
      const result = await call();
      this.failures = 0;
      this.openedAt = null;
      return result;
    } catch (error) {
      this.failures++;
      if (state === 'half_open' || this.failures >= this.failureThreshold)
        this.openedAt = this.now();
      throw error;
    } finally {
      this.trialInFlight = false;
    }
  }
}

/**
 * Token bucket: `perSecond` calls on average, bursts up to `burst`; `take` waits for a token. Per
 * replica: the configured rate is each replica's share of the provider's quota (docs/crm.md).
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: Clock = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.tokens = burst;
    this.refilledAt = now();
  }

  /** Milliseconds until a token is free (0 = now), reserving it. */
  reserve(): number {
    const now = this.now();
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond,
    );
    this.refilledAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.perSecond) * 1000);
  }

  async take(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await this.sleep(wait);
  }
}

/** Exponential back-off with full jitter: attempt 1 → up to base, 2 → up to 2×base, … */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random = Math.random,
): number {
  return Math.round(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
}
