import { APP_HTTP_PORTS, BaseEnv } from '@sales-suite/config';

export class CrmEnrichmentEnv extends BaseEnv {
  override HTTP_PORT = APP_HTTP_PORTS['crm-enrichment'];
}
