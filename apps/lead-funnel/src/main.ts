import './preflight';
import { ServiceNames } from '@sales-suite/contracts';
import { bootstrapService } from '@sales-suite/platform';
import { LeadFunnelModule } from './lead-funnel.module';

void bootstrapService(ServiceNames.LeadFunnel, LeadFunnelModule);
