/**
 * A real three-node JetStream cluster for e2e tests. The launcher is shared with the cluster
 * bench, so it lives in bench/support (CommonJS, loadable from both jest and .mjs scripts).
 */
export { startNatsCluster } from '../../bench/support/nats-cluster.cjs';
export type { NatsCluster, NatsNode } from '../../bench/support/nats-cluster.cjs';
