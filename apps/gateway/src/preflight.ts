// Loaded before anything else: bad configuration stops here, and tracing patches http and pg
// before they are first required.
import { exitOnInvalidEnv } from '@sales-suite/config';
import { startTracing } from '@sales-suite/observability/tracing/start-tracing';
import { GatewayEnv } from './config/gateway.env';

exitOnInvalidEnv(GatewayEnv);
startTracing('gateway');
