import type { RunningApp } from './apps';

/**
 * The value of one Prometheus series of an app's /metrics: `name` with every given label (other
 * labels may be present too); 0 when the series does not exist yet.
 */
export async function metricValue(
  app: RunningApp,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text
    .split('\n')
    .find(
      (row) =>
        (row.startsWith(`${name}{`) || row.startsWith(`${name} `)) &&
        wanted.every((label) => row.includes(label)),
    );
  return line ? Number(line.split(' ').pop()) : 0;
}
