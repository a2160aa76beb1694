import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { DecaySweep } from './decay-sweep.service';
import { RescoreJobs } from './rescore-jobs.service';
import { ScoringHandlers } from './scoring.handlers';
import { ScoringService } from './scoring.service';

@Module({
  imports: [LeadsModule],
  controllers: [ScoringHandlers],
  providers: [ScoringService, RescoreJobs, DecaySweep],
})
export class ScoringModule {}
