import { Body, Param } from '@nestjs/common';
import {
  LeadSubjects,
  TerritoriesDto,
  TerritoriesView,
  TerritoryJobIdDto,
  TerritoryJobView,
} from '@sales-suite/contracts';
import { Forward, RoutesController } from '../routing/route.decorator';

@RoutesController('territories', 'v1/territories')
export class TerritoriesController {
  @Forward('GET', '', LeadSubjects.GetTerritories, {
    operationId: 'getTerritories',
    scope: 'leads:read',
    summary: 'Territories in priority order, with their rules and owners',
    answers: TerritoriesView,
    problems: [401, 403],
  })
  get() {
    return {};
  }

  @Forward('PUT', '', LeadSubjects.PutTerritories, {
    operationId: 'replaceTerritories',
    scope: 'leads:write',
    summary: 'Replace the territories',
    description:
      'Saves the next version and starts a job that reassigns the open leads whose territory or owner no longer fits (`reassignJobId`).',
    answers: TerritoriesView,
    problems: [400, 401, 403, 409],
  })
  replace(@Body() input: TerritoriesDto) {
    return input;
  }

  @Forward('GET', 'jobs/:id', LeadSubjects.GetTerritoryJob, {
    operationId: 'getTerritoryJob',
    scope: 'leads:read',
    summary: 'Progress of a territory reassignment job',
    answers: TerritoryJobView,
    problems: [400, 401, 403, 404],
  })
  job(@Param() params: TerritoryJobIdDto) {
    return params;
  }
}
