import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { TerritoriesHandlers } from './territories.handlers';
import { TerritoriesService } from './territories.service';
import { TerritoryJobs } from './territory-jobs.service';

@Module({
  imports: [LeadsModule],
  controllers: [TerritoriesHandlers],
  providers: [TerritoriesService, TerritoryJobs],
})
export class TerritoriesModule {}
