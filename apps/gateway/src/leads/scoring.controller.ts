import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  LeadSubjects,
  RescoreJobView,
  ScoringJobIdDto,
  ScoringModelDto,
  ScoringModelView,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import { Caller } from '../auth/api-keys.service';
import { CurrentCaller, RequireScopes } from '../auth/auth.decorators';
import { ApiRoutedProblemResponses } from '../openapi/api-problem-responses.decorator';

@ApiTags('scoring')
@ApiBearerAuth()
@Controller('v1/scoring')
export class ScoringController {
  constructor(private readonly nats: NatsRequester) {}

  @Get('model')
  @RequireScopes('leads:read')
  @ApiOperation({ summary: 'The current scoring model and its version' })
  @ApiOkResponse({ type: ScoringModelView })
  @ApiRoutedProblemResponses(401, 403)
  model(): Promise<ScoringModelView> {
    return this.nats.request(LeadSubjects.GetScoringModel, {});
  }

  @Put('model')
  @RequireScopes('leads:write')
  @ApiOperation({
    summary: 'Replace the scoring model',
    description: 'Saves the next version and starts re-scoring every lead (`rescoreJobId`).',
  })
  @ApiOkResponse({ type: ScoringModelView })
  @ApiRoutedProblemResponses(400, 401, 403, 409)
  replaceModel(
    @Body() input: ScoringModelDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ScoringModelView> {
    return this.nats.request(LeadSubjects.PutScoringModel, input, { actor: caller.name });
  }

  @Get('jobs/:id')
  @RequireScopes('leads:read')
  @ApiOperation({ summary: 'Progress of a re-score job' })
  @ApiOkResponse({ type: RescoreJobView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  job(@Param() params: ScoringJobIdDto): Promise<RescoreJobView> {
    return this.nats.request(LeadSubjects.GetScoringJob, params);
  }
}
