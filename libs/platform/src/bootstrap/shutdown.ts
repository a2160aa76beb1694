import type { INestApplication } from '@nestjs/common';

/**
 * On SIGTERM or SIGINT: close the app (NATS drains, in-flight requests finish, connections close)
 * within the grace period, then exit. A second signal exits at once.
 */
export function installShutdownHandlers(app: INestApplication, graceMs: number): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    const deadline = setTimeout(() => {
      process.stderr.write(
        `Shutdown after ${signal} took longer than ${graceMs + 5000} ms; exiting\n`,
      );
      process.exit(1);
    }, graceMs + 5000);
    deadline.unref();
    app.close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`Shutdown failed: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
