import type { HealthIndicatorResult } from '@nestjs/terminus';

/** A dependency the app cannot serve without; checked on every `/health/ready`. */
export interface ReadinessIndicator {
  check(): Promise<HealthIndicatorResult>;
}

export const READINESS_INDICATORS = Symbol('READINESS_INDICATORS');

/** Rejects when `promise` takes longer than `ms`: a hung dependency must not hang the probe. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
