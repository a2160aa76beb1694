import './preflight';
import { ServiceNames } from '@sales-suite/contracts';
import { bootstrapService } from '@sales-suite/platform';
import { CrmEnrichmentModule } from './crm-enrichment.module';

void bootstrapService(ServiceNames.CrmEnrichment, CrmEnrichmentModule);
