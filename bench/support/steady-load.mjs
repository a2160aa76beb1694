// An open-model load generator: requests start at evenly spaced instants (one every 1/rate s),
// whether or not earlier ones have answered, the way independent users arrive. autocannon's
// `overallRate` instead lets each connection send its whole per-second quota at the top of every
// second, which measures how fast a burst of `rate` requests drains, not a steady rate.
// Latency counts from the instant a request was due, so a stalled server cannot hide its queue
// (no coordinated omission).
import { Agent, request } from 'node:http';

/**
 * @param {{ url: string, headers?: Record<string, string>, paths: string[], rate: number, seconds: number }} options
 * @returns {Promise<{ requests: number, non2xx: number, errors: number, p50Ms: number, p90Ms: number, p99Ms: number, maxMs: number, achievedRatePerSecond: number }>}
 */
export async function steadyLoad({ url, headers = {}, paths, rate, seconds }) {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(rate * seconds);
  const intervalMs = 1000 / rate;
  const latencies = [];
  let non2xx = 0;
  let errors = 0;
  const pending = [];
  const started = performance.now();

  const send = (index) => {
    const due = started + index * intervalMs;
    return new Promise((resolve) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: paths[index % paths.length],
          headers,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - due);
            if (response.statusCode < 200 || response.statusCode >= 300) non2xx++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  };

  let next = 0;
  while (next < total) {
    const now = performance.now();
    // Send everything that is due (catching up after a late timer), then sleep until the next.
    while (next < total && started + next * intervalMs <= now) pending.push(send(next++));
    const wait = started + next * intervalMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await Promise.all(pending);
  const elapsedSeconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  const round = (ms) => Math.round(ms * 100) / 100;
  return {
    requests: latencies.length,
    non2xx,
    errors,
    p50Ms: round(at(0.5)),
    p90Ms: round(at(0.9)),
    p99Ms: round(at(0.99)),
    maxMs: round(latencies.at(-1)),
    achievedRatePerSecond: Math.round(total / elapsedSeconds),
  };
}
