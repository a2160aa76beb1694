import { DEVELOPMENT_PIXEL_KEY_ID, DEVELOPMENT_PIXEL_SIGNING_KEYS } from '@sales-suite/contracts';
import { startApp } from '../support/apps';

const OWN_KEYS = `k1:${Buffer.alloc(32, 9).toString('base64')}`;

/** Starts the app without waiting for readiness; its exit code, or 'still running' after 20 s. */
async function exitOf(name: 'gateway' | 'email-tracking', env: Record<string, string>) {
  const app = await startApp(name, { env, waitUntilReady: false });
  const code = await Promise.race([
    app.stop('SIGCONT'), // SIGCONT leaves a running app alone: this only waits for its exit
    new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 20_000)),
  ]);
  if (code === 'still running') await app.stop('SIGKILL');
  return { code, logs: app.logs() };
}

describe('pixel signing keys with NODE_ENV=production', () => {
  it.each([
    [
      'the built-in development key',
      {
        PIXEL_SIGNING_KEYS: DEVELOPMENT_PIXEL_SIGNING_KEYS,
        PIXEL_SIGNING_KEY_ID: DEVELOPMENT_PIXEL_KEY_ID,
      },
      'PIXEL_SIGNING_KEYS holds the built-in development key, refused with NODE_ENV=production',
    ],
    ['no key', {}, 'PIXEL_SIGNING_KEYS is not set: with NODE_ENV=production'],
  ])(
    'gateway and email-tracking refuse to start with %s, naming the variable',
    async (_name, env, message) => {
      for (const name of ['gateway', 'email-tracking'] as const) {
        const { code, logs } = await exitOf(name, { NODE_ENV: 'production', ...env });
        expect(code).not.toBe('still running');
        expect(code).not.toBe(0);
        expect(logs).toContain(message);
      }
    },
    60_000,
  );

  it('starts with its own key, without the development-key warning', async () => {
    const app = await startApp('email-tracking', {
      env: { NODE_ENV: 'production', PIXEL_SIGNING_KEYS: OWN_KEYS, PIXEL_SIGNING_KEY_ID: 'k1' },
    });
    try {
      expect(app.logs()).not.toContain('development key');
    } finally {
      await app.stop();
    }
  }, 40_000);
});
