import { Body, Query } from '@nestjs/common';
import {
  FunnelDefinitionDto,
  FunnelDefinitionView,
  FunnelStatsQueryDto,
  FunnelStatsView,
  LeadSubjects,
  ProjectionRebuildView,
} from '@sales-suite/contracts';
import { Forward, RoutesController } from '../routing/route.decorator';

/** Rebuilding reads every stream: allow it time. */
const REBUILD_TIMEOUT_MS = 120_000;

@RoutesController('funnel', 'v1/funnel')
export class FunnelController {
  @Forward('GET', 'definition', LeadSubjects.GetFunnelDefinition, {
    operationId: 'getFunnelDefinition',
    scope: 'leads:read',
    summary: 'The allowed stage transitions and lost reasons',
    answers: FunnelDefinitionView,
    problems: [401, 403],
  })
  definition() {
    return {};
  }

  @Forward('PUT', 'definition', LeadSubjects.PutFunnelDefinition, {
    operationId: 'replaceFunnelDefinition',
    scope: 'leads:write',
    summary: 'Replace the funnel definition (a new version)',
    answers: FunnelDefinitionView,
    problems: [400, 401, 403, 409],
  })
  replaceDefinition(@Body() input: FunnelDefinitionDto) {
    return input;
  }

  @Forward('GET', 'stats', LeadSubjects.FunnelStats, {
    operationId: 'getFunnelStats',
    scope: 'leads:read',
    summary: 'Funnel figures for the leads created in [from, to)',
    description: 'Definitions of every figure: docs/lead-funnel.md.',
    answers: FunnelStatsView,
    problems: [400, 401, 403],
  })
  stats(@Query() query: FunnelStatsQueryDto) {
    return query;
  }

  @Forward('POST', 'projections/rebuild', LeadSubjects.RebuildProjections, {
    operationId: 'rebuildFunnelProjections',
    status: 200,
    scope: 'admin',
    summary: 'Rebuild the lead read models from the event streams',
    answers: ProjectionRebuildView,
    problems: [401, 403],
    timeoutMs: REBUILD_TIMEOUT_MS,
  })
  rebuild() {
    return {};
  }
}
