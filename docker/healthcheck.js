// Container HEALTHCHECK: GET /health/live on the app's own port, with node's built-in fetch.
// The port is HTTP_PORT, or the app's default from the shared port table in libs/config.
'use strict';
const { APP_HTTP_PORTS } = require('/app/dist/libs/config/src/app-ports.js');

const port = process.env.HTTP_PORT || APP_HTTP_PORTS[process.env.APP];
fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(2500) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  () => process.exit(1),
);
