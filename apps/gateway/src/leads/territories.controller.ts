import { Body } from '@nestjs/common';
import { LeadSubjects, TerritoriesDto, TerritoriesView } from '@sales-suite/contracts';
import { Forward, RoutesController } from '../routing/route.decorator';

/** Reassigning open leads walks all of them: allow it time. */
const REASSIGN_TIMEOUT_MS = 60_000;

@RoutesController('territories', 'v1/territories')
export class TerritoriesController {
  @Forward('GET', '', LeadSubjects.GetTerritories, {
    scope: 'leads:read',
    summary: 'Territories in priority order, with their rules and owners',
    answers: TerritoriesView,
    problems: [401, 403],
  })
  get() {
    return {};
  }

  @Forward('PUT', '', LeadSubjects.PutTerritories, {
    scope: 'leads:write',
    summary: 'Replace the territories',
    description: 'Open leads whose territory or owner no longer fits are reassigned (recorded).',
    answers: TerritoriesView,
    problems: [400, 401, 403, 409],
    timeoutMs: REASSIGN_TIMEOUT_MS,
  })
  replace(@Body() input: TerritoriesDto) {
    return input;
  }
}
