// CPU time and memory of processes read from /proc (Linux): CPU seconds per unit of work are far
// less sensitive to what else runs on the machine than throughput, and RSS is what a deployment
// sizes its limits by.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node.js supports

/** User + system CPU seconds of a process so far (0 once it has exited). */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Resident set size and its peak (VmHWM), in MB. */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

/** The 1-minute load average, rounded: recorded beside every figure. */
export const load1 = () => +loadavg()[0].toFixed(2);

/**
 * The PostgreSQL server processes (backends) serving one database, other than the caller's own
 * connection: their CPU is the database's share of the work. The server's shared background
 * processes (WAL writer, checkpointer) serve every database on the machine and are not counted.
 */
export async function postgresBackendPids(client, database) {
  const { rows } = await client.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [database],
  );
  return rows.map((row) => row.pid);
}

/**
 * CPU seconds used by `pids()` between `start()` and `stop()`: sampled every 200 ms so that a
 * process (or backend) that ends mid-way still counts what it used up to its last sample.
 */
export function cpuMeter(pids) {
  const first = new Map();
  const last = new Map();
  let timer;
  let sampling = Promise.resolve();
  const sampleOnce = async () => {
    for (const pid of await pids()) {
      const seconds = cpuSeconds(pid);
      if (!first.has(pid)) first.set(pid, seconds);
      if (seconds > 0) last.set(pid, seconds);
    }
  };
  // One sample at a time (they may share a database connection).
  const sample = () => (sampling = sampling.then(sampleOnce));
  return {
    async start() {
      first.clear();
      last.clear();
      await sample();
      timer = setInterval(() => void sample(), 200);
    },
    async stop() {
      clearInterval(timer);
      await sample();
      let total = 0;
      for (const [pid, seconds] of last) total += seconds - first.get(pid);
      return total;
    },
  };
}
