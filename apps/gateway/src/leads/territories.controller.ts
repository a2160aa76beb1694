import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { LeadSubjects, TerritoriesDto, TerritoriesView } from '@sales-suite/contracts';
import { Forward } from '../routing/route.decorator';

/** Reassigning open leads walks all of them: allow it time. */
const REASSIGN_TIMEOUT_MS = 60_000;

@ApiTags('territories')
@ApiBearerAuth()
@Controller('v1/territories')
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
