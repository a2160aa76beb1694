// Loaded before anything else: bad configuration stops here, and tracing patches pg and http
// before they are first required.
import { exitOnInvalidEnv } from '@sales-suite/config';
import { startTracing } from '@sales-suite/observability/tracing/start-tracing';
import { GlossaryEnv } from './config/glossary.env';

exitOnInvalidEnv(GlossaryEnv);
startTracing('glossary');
