import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The console's static files, served by the gateway at /console (see docs/console.md). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [preact({ devtoolsInProd: false, prefreshEnabled: false })],
  resolve: {
    alias: {
      '@sales-suite/client': fileURLToPath(
        new URL('../../libs/client/src/index.ts', import.meta.url),
      ),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/console', import.meta.url)),
    emptyOutDir: true,
    // The gateway's CSP allows no inline script or style, so nothing is inlined as a data: URL.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
