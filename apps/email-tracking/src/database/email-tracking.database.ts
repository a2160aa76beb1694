import type { ServiceDatabase } from '@sales-suite/persistence';
import { CreateEmailTrackingSchema1764150000000 } from './migrations/1764150000000-create-email-tracking-schema';
import { CreateEmailTrackingTables1764150000100 } from './migrations/1764150000100-create-email-tracking-tables';
import { CreateEmailTrackingLeases1764900000000 } from './migrations/1764900000000-create-leases';
import { CreateEspEvents1765100000000 } from './migrations/1765100000000-create-esp-events';
import { CampaignCountersAndArchive1765300000000 } from './migrations/1765300000000-campaign-counters-and-archive';
import { CreateUnsubscribes1765310000000 } from './migrations/1765310000000-create-unsubscribes';
import { CreateClicks1765412000000 } from './migrations/1765412000000-create-clicks';
import { CampaignOpensCoveringIndex1765480000000 } from './migrations/1765480000000-campaign-opens-covering-index';
import { ClicksMessageLinkIndex1765600000000 } from './migrations/1765600000000-clicks-message-link-index';
import { CampaignHoursRollup1765700000000 } from './migrations/1765700000000-campaign-hours-rollup';
import { ClickAndDelayRollups1766000000000 } from './migrations/1766000000000-click-and-delay-rollups';

export const EMAIL_DATABASE: ServiceDatabase = {
  schema: 'email',
  entities: [],
  migrations: [
    CreateEmailTrackingSchema1764150000000,
    CreateEmailTrackingTables1764150000100,
    CreateEmailTrackingLeases1764900000000,
    CreateEspEvents1765100000000,
    CampaignCountersAndArchive1765300000000,
    CreateUnsubscribes1765310000000,
    CreateClicks1765412000000,
    CampaignOpensCoveringIndex1765480000000,
    ClicksMessageLinkIndex1765600000000,
    CampaignHoursRollup1765700000000,
    ClickAndDelayRollups1766000000000,
  ],
};
