import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { CeilingSweep } from './ceiling-sweep.service';
import { DecaySweep } from './decay-sweep.service';
import { RescoreJobs } from './rescore-jobs.service';
import { ScoringHandlers } from './scoring.handlers';
import { ScoringService } from './scoring.service';

@Module({
  imports: [LeadsModule],
  controllers: [ScoringHandlers],
  providers: [ScoringService, RescoreJobs, DecaySweep, CeilingSweep],
})
export class ScoringModule {}
