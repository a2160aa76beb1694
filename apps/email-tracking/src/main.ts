import './preflight';
import { ServiceNames } from '@sales-suite/contracts';
import { bootstrapService } from '@sales-suite/platform';
import { EmailTrackingModule } from './email-tracking.module';

void bootstrapService(ServiceNames.EmailTracking, EmailTrackingModule);
