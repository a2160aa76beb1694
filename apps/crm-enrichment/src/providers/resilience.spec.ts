import { backoffDelay, CircuitBreaker, CircuitOpenError, TokenBucket } from './resilience';

describe('CircuitBreaker', () => {
  let now = 0;
  const clock = () => now;
  const fail = () => Promise.reject(new Error('boom'));
  const ok = () => Promise.resolve('ok');

  beforeEach(() => (now = 0));

  it('opens after the threshold of consecutive failures and fails fast while open', async () => {
    const breaker = new CircuitBreaker(3, 1000, clock);
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow('boom');
    expect(breaker.state).toBe('open');
    const call = jest.fn(ok);
    await expect(breaker.run(call)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(call).not.toHaveBeenCalled();
  });

  it('a success resets the failure count', async () => {
    const breaker = new CircuitBreaker(2, 1000, clock);
    await expect(breaker.run(fail)).rejects.toThrow();
    await breaker.run(ok);
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('lets one trial through after the cool-down: success closes, failure reopens', async () => {
    const breaker = new CircuitBreaker(1, 1000, clock);
    await expect(breaker.run(fail)).rejects.toThrow();
    now = 1000;
    expect(breaker.state).toBe('half_open');
    await expect(breaker.run(fail)).rejects.toThrow('boom');
    expect(breaker.state).toBe('open');
    now = 2000;
    await expect(breaker.run(ok)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });
});

describe('TokenBucket', () => {
  it('allows the burst, then spaces calls at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 2, () => now);
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([
      0, 0, 100, 200,
    ]);
    now = 1000;
    expect(bucket.reserve()).toBe(0);
  });

  it('take() sleeps for the reserved wait', async () => {
    const slept: number[] = [];
    const bucket = new TokenBucket(
      5,
      1,
      () => 0,
      async (ms) => {
        slept.push(ms);
      },
    );
    await bucket.take();
    await bucket.take();
    expect(slept).toEqual([200]);
  });
});

describe('backoffDelay', () => {
  it.each([
    [1, 1, 100],
    [2, 1, 200],
    [3, 1, 400],
    [10, 1, 1000],
    [3, 0.5, 200],
  ])('attempt %i with random %p → %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, 100, 1000, () => random)).toBe(expected);
  });
});
