import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  FunnelDefinitionDto,
  FunnelDefinitionView,
  FunnelStatsQueryDto,
  FunnelStatsView,
  LeadSubjects,
  ProjectionRebuildView,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import { Caller } from '../auth/api-keys.service';
import { CurrentCaller, RequireScopes } from '../auth/auth.decorators';
import { ApiRoutedProblemResponses } from '../openapi/api-problem-responses.decorator';

/** Rebuilding reads every stream: allow it time. */
const REBUILD_TIMEOUT_MS = 120_000;

@ApiTags('funnel')
@ApiBearerAuth()
@Controller('v1/funnel')
export class FunnelController {
  constructor(private readonly nats: NatsRequester) {}

  @Get('definition')
  @RequireScopes('leads:read')
  @ApiOperation({ summary: 'The allowed stage transitions and lost reasons' })
  @ApiOkResponse({ type: FunnelDefinitionView })
  @ApiRoutedProblemResponses(401, 403)
  definition(): Promise<FunnelDefinitionView> {
    return this.nats.request(LeadSubjects.GetFunnelDefinition, {});
  }

  @Put('definition')
  @RequireScopes('leads:write')
  @ApiOperation({ summary: 'Replace the funnel definition (a new version)' })
  @ApiOkResponse({ type: FunnelDefinitionView })
  @ApiRoutedProblemResponses(400, 401, 403, 409)
  replaceDefinition(
    @Body() input: FunnelDefinitionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<FunnelDefinitionView> {
    return this.nats.request(LeadSubjects.PutFunnelDefinition, input, { actor: caller.name });
  }

  @Get('stats')
  @RequireScopes('leads:read')
  @ApiOperation({
    summary: 'Funnel figures for the leads created in [from, to)',
    description: 'Definitions of every figure: docs/lead-funnel.md.',
  })
  @ApiOkResponse({ type: FunnelStatsView })
  @ApiRoutedProblemResponses(400, 401, 403)
  stats(@Query() query: FunnelStatsQueryDto): Promise<FunnelStatsView> {
    return this.nats.request(LeadSubjects.FunnelStats, query);
  }

  @Post('projections/rebuild')
  @HttpCode(200)
  @RequireScopes('admin')
  @ApiOperation({ summary: 'Rebuild the lead read models from the event streams' })
  @ApiOkResponse({ type: ProjectionRebuildView })
  @ApiRoutedProblemResponses(401, 403)
  rebuild(@CurrentCaller() caller: Caller): Promise<ProjectionRebuildView> {
    return this.nats.request(
      LeadSubjects.RebuildProjections,
      {},
      { actor: caller.name, timeoutMs: REBUILD_TIMEOUT_MS },
    );
  }
}
