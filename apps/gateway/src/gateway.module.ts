import { Module } from '@nestjs/common';
import { PRIVACY_EVENTS_STREAM, ServiceNames } from '@sales-suite/contracts';
import { ServiceCoreModule } from '@sales-suite/platform';
import { AuthModule } from './auth/auth.module';
import { GatewayEnv } from './config/gateway.env';
import { CrmGatewayModule } from './crm/crm-gateway.module';
import { GATEWAY_DATABASE } from './database/gateway.database';
import { EmailGatewayModule } from './email/email-gateway.module';
import { GlossaryGatewayModule } from './glossary/glossary-gateway.module';
import { LeadsGatewayModule } from './leads/leads-gateway.module';
import { PixelModule } from './pixel/pixel.module';
import { PrivacyModule } from './privacy/privacy.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      serviceName: ServiceNames.Gateway,
      env: GatewayEnv,
      database: GATEWAY_DATABASE,
      streams: [PRIVACY_EVENTS_STREAM],
    }),
    AuthModule,
    CrmGatewayModule,
    GlossaryGatewayModule,
    LeadsGatewayModule,
    EmailGatewayModule,
    PixelModule,
    WebhooksModule,
    PrivacyModule,
  ],
})
export class GatewayModule {}
