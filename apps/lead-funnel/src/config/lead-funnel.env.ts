import { APP_HTTP_PORTS, BaseEnv } from '@sales-suite/config';

export class LeadFunnelEnv extends BaseEnv {
  override HTTP_PORT = APP_HTTP_PORTS['lead-funnel'];
}
