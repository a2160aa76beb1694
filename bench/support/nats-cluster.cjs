// A JetStream cluster of three (or more) nats-server processes on free loopback ports, for the
// cluster e2e test (test/support/nats-cluster.ts re-exports it) and the cluster bench. CommonJS so
// that both jest (CommonJS) and the .mjs benches load the one implementation.
'use strict';
const { spawn } = require('node:child_process');
const { once } = require('node:events');
const { existsSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { freePort } = require('../../scripts/free-port.cjs');

const DEFAULT_BINARY = '/usr/sbin/nats-server';

/** Every node ever started, killed if the process exits without stopping the cluster. */
const running = new Set();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function natsServerBinary() {
  if (process.env.NATS_SERVER_BIN) return process.env.NATS_SERVER_BIN;
  for (const directory of [
    ...(process.env.PATH ?? '').split(':'),
    '/usr/sbin',
    '/usr/local/sbin',
  ]) {
    const file = join(directory, 'nats-server');
    if (directory && existsSync(file)) return file;
  }
  return DEFAULT_BINARY;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The node's monitoring endpoint (`/varz`, `/jsz`), or undefined while it does not answer. */
async function monitor(node, endpoint) {
  try {
    const response = await fetch(`http://127.0.0.1:${node.monitorPort}${endpoint}`, {
      signal: AbortSignal.timeout(3000),
    });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

class NatsNode {
  constructor(cluster, index, ports) {
    this.cluster = cluster;
    this.name = `n${index + 1}`;
    this.clientPort = ports.client;
    this.routePort = ports.route;
    this.monitorPort = ports.monitor;
    this.storeDir = join(cluster.baseDir, this.name);
    this.configFile = join(cluster.baseDir, `${this.name}.conf`);
    this.logFile = join(cluster.baseDir, `${this.name}.log`);
    this.child = undefined;
  }

  get url() {
    return `nats://127.0.0.1:${this.clientPort}`;
  }

  get isRunning() {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  writeConfig(routePorts) {
    const routes = routePorts
      .filter((port) => port !== this.routePort)
      .map((port) => `nats-route://127.0.0.1:${port}`);
    writeFileSync(
      this.configFile,
      [
        `server_name: ${this.name}`,
        `listen: 127.0.0.1:${this.clientPort}`,
        `http: 127.0.0.1:${this.monitorPort}`,
        `jetstream { store_dir: "${this.storeDir}", max_memory_store: 256MB, max_file_store: 4GB }`,
        `cluster { name: ${this.cluster.name}, listen: 127.0.0.1:${this.routePort}, routes: [${routes.join(', ')}] }`,
        `log_file: "${this.logFile}"`,
        '',
      ].join('\n'),
    );
  }

  /**
   * Starts the process (same config, ports and store as before) and waits until it answers;
   * `/varz` does not wait for JetStream, which only recovers once the routes are up.
   */
  async start() {
    if (this.isRunning) return;
    const child = spawn(this.cluster.binary, ['-c', this.configFile], { stdio: 'ignore' });
    this.child = child;
    running.add(child);
    child.once('exit', () => running.delete(child));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`nats-server ${this.name} exited (${child.exitCode}); see ${this.logFile}`);
      if (await monitor(this, '/varz')) return;
      await sleep(100);
    }
    throw new Error(`nats-server ${this.name} did not answer within 30 s; see ${this.logFile}`);
  }

  /** kill -9: no goodbye to the cluster or the clients, as when a machine dies. */
  async kill() {
    if (!this.isRunning) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await exited;
  }

  async stop() {
    if (!this.isRunning) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

class NatsCluster {
  constructor(name, size, binary) {
    this.name = name;
    this.size = size;
    this.binary = binary;
    this.baseDir = mkdtempSync(join(tmpdir(), `${name}-`));
    this.nodes = [];
  }

  /** Every node's client URL, comma-separated, as NATS_URL takes them. */
  get url() {
    return this.nodes.map((node) => node.url).join(',');
  }

  /** Resolves once every running node sees the same meta leader and `size` cluster peers. */
  async waitUntilHealthy(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let last = [];
    while (Date.now() < deadline) {
      const running = this.nodes.filter((node) => node.isRunning);
      last = await Promise.all(running.map((node) => monitor(node, '/jsz')));
      const leaders = new Set(last.map((info) => info?.meta_cluster?.leader));
      const leaderView = last.find((info) => info?.meta_cluster?.replicas)?.meta_cluster;
      const currentPeers = (leaderView?.replicas ?? []).filter((peer) => peer.current).length;
      const settled =
        last.every((info) => info?.meta_cluster?.leader) &&
        leaders.size === 1 &&
        last.every((info) => (info.meta_cluster.cluster_size ?? 0) >= this.size) &&
        currentPeers >= running.length - 1;
      if (settled) return [...leaders][0];
      await sleep(250);
    }
    throw new Error(
      `NATS cluster ${this.name} has no agreed meta leader after ${timeoutMs} ms: ${JSON.stringify(
        last.map((info) => info?.meta_cluster ?? null),
      )}`,
    );
  }

  /** The node with that server name (n1, n2, …). */
  node(name) {
    const found = this.nodes.find((node) => node.name === name);
    if (!found) throw new Error(`no node ${name} in ${this.name}`);
    return found;
  }

  /** The node currently leading JetStream's meta group (cluster-wide stream placement). */
  async metaLeader() {
    for (const node of this.nodes.filter((n) => n.isRunning)) {
      const leader = (await monitor(node, '/jsz'))?.meta_cluster?.leader;
      if (leader) return this.node(leader);
    }
    return undefined;
  }

  async stop() {
    await Promise.all(this.nodes.map((node) => node.stop()));
    rmSync(this.baseDir, { recursive: true, force: true });
  }
}

/**
 * Starts a JetStream cluster of `size` nats-server processes (default 3) on free loopback ports,
 * each with its own store directory under one temporary directory, and waits until they elected
 * a meta leader. `cluster.stop()` stops them and removes the directory.
 */
async function startNatsCluster(options = {}) {
  const size = options.size ?? 3;
  const cluster = new NatsCluster(options.name ?? 'sales-suite-test', size, natsServerBinary());
  try {
    for (let index = 0; index < size; index++)
      cluster.nodes.push(
        new NatsNode(cluster, index, {
          client: await freePort(),
          route: await freePort(),
          monitor: await freePort(),
        }),
      );
    const routePorts = cluster.nodes.map((node) => node.routePort);
    for (const node of cluster.nodes) node.writeConfig(routePorts);
    await Promise.all(cluster.nodes.map((node) => node.start()));
    await cluster.waitUntilHealthy(options.timeoutMs ?? 30_000);
    return cluster;
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

module.exports = { startNatsCluster, natsServerBinary };
