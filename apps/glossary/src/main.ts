import './preflight';
import { ServiceNames } from '@sales-suite/contracts';
import { bootstrapService } from '@sales-suite/platform';
import { GlossaryModule } from './glossary.module';

void bootstrapService(ServiceNames.Glossary, GlossaryModule);
