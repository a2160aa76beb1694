import { Body, Param } from '@nestjs/common';
import {
  LeadSubjects,
  RescoreJobView,
  ScoringJobIdDto,
  ScoringModelDto,
  ScoringModelView,
} from '@sales-suite/contracts';
import { Forward, RoutesController } from '../routing/route.decorator';

@RoutesController('scoring', 'v1/scoring')
export class ScoringController {
  @Forward('GET', 'model', LeadSubjects.GetScoringModel, {
    operationId: 'getScoringModel',
    scope: 'leads:read',
    summary: 'The current scoring model and its version',
    answers: ScoringModelView,
    problems: [401, 403],
  })
  model() {
    return {};
  }

  @Forward('PUT', 'model', LeadSubjects.PutScoringModel, {
    operationId: 'replaceScoringModel',
    scope: 'leads:write',
    summary: 'Replace the scoring model',
    description: 'Saves the next version and starts re-scoring every lead (`rescoreJobId`).',
    answers: ScoringModelView,
    problems: [400, 401, 403, 409],
  })
  replaceModel(@Body() input: ScoringModelDto) {
    return input;
  }

  @Forward('GET', 'jobs/:id', LeadSubjects.GetScoringJob, {
    operationId: 'getRescoreJob',
    scope: 'leads:read',
    summary: 'Progress of a re-score job',
    answers: RescoreJobView,
    problems: [400, 401, 403, 404],
  })
  job(@Param() params: ScoringJobIdDto) {
    return params;
  }
}
