import { Module } from '@nestjs/common';
import { FunnelController } from './funnel.controller';
import { LeadsController } from './leads.controller';
import { ScoringController } from './scoring.controller';
import { TerritoriesController } from './territories.controller';

/** Routes of the lead funnel service: /v1/leads, /v1/funnel, /v1/scoring, /v1/territories. */
@Module({
  controllers: [LeadsController, FunnelController, ScoringController, TerritoriesController],
})
export class LeadsGatewayModule {}
