import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LeadSubjects, TerritoriesDto, TerritoriesView } from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import { Caller } from '../auth/api-keys.service';
import { CurrentCaller, RequireScopes } from '../auth/auth.decorators';
import { ApiRoutedProblemResponses } from '../openapi/api-problem-responses.decorator';

/** Reassigning open leads walks all of them: allow it time. */
const REASSIGN_TIMEOUT_MS = 60_000;

@ApiTags('territories')
@ApiBearerAuth()
@Controller('v1/territories')
export class TerritoriesController {
  constructor(private readonly nats: NatsRequester) {}

  @Get()
  @RequireScopes('leads:read')
  @ApiOperation({ summary: 'Territories in priority order, with their rules and owners' })
  @ApiOkResponse({ type: TerritoriesView })
  @ApiRoutedProblemResponses(401, 403)
  get(): Promise<TerritoriesView> {
    return this.nats.request(LeadSubjects.GetTerritories, {});
  }

  @Put()
  @RequireScopes('leads:write')
  @ApiOperation({
    summary: 'Replace the territories',
    description: 'Open leads whose territory or owner no longer fits are reassigned (recorded).',
  })
  @ApiOkResponse({ type: TerritoriesView })
  @ApiRoutedProblemResponses(400, 401, 403, 409)
  replace(
    @Body() input: TerritoriesDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TerritoriesView> {
    return this.nats.request(LeadSubjects.PutTerritories, input, {
      actor: caller.name,
      timeoutMs: REASSIGN_TIMEOUT_MS,
    });
  }
}
