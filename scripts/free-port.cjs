// A TCP port free on 127.0.0.1 right now, for a process about to listen on it. The one copy for
// `npm start`, the benchmarks and the tests; CommonJS so that .mjs scripts and jest both load it.
const { once } = require('node:events');
const { createServer } = require('node:net');

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

module.exports = { freePort };
