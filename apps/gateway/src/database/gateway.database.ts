import type { ServiceDatabase } from '@sales-suite/persistence';
import { ApiKeyEntity } from '../auth/api-key.entity';
import { CreateGatewaySchema1764150000000 } from './migrations/1764150000000-create-gateway-schema';
import { CreateGatewayLeases1764900000000 } from './migrations/1764900000000-create-leases';
import { CreateWebhooks1765300000000 } from './migrations/1765300000000-create-webhooks';
import { CreatePrivacyErasures1765400000000 } from './migrations/1765400000000-create-privacy-erasures';

export const GATEWAY_DATABASE: ServiceDatabase = {
  schema: 'gateway',
  entities: [ApiKeyEntity],
  migrations: [
    CreateGatewaySchema1764150000000,
    CreateGatewayLeases1764900000000,
    CreateWebhooks1765300000000,
    CreatePrivacyErasures1765400000000,
  ],
};
