import { APP_HTTP_PORTS, BaseEnv } from '@sales-suite/config';

export class GlossaryEnv extends BaseEnv {
  override HTTP_PORT = APP_HTTP_PORTS.glossary;
}
