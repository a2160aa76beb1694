import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MeView } from '@sales-suite/contracts';
import { ApiProblemResponses } from '../openapi/api-problem-responses.decorator';
import type { Caller } from './api-keys.service';
import { CurrentCaller, RequireScopes } from './auth.decorators';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  /** Any valid key may ask who it is: no scope required (an empty list, not a missing one). */
  @Get()
  @RequireScopes()
  @ApiOperation({
    operationId: 'getCurrentKey',
    summary: "The calling API key's id, name and scopes",
    description: 'For clients that adapt to what their key may do (the console). Never the secret.',
  })
  @ApiOkResponse({ type: MeView })
  @ApiProblemResponses(401)
  me(@CurrentCaller() caller: Caller): MeView {
    return { id: caller.keyId, name: caller.name, scopes: [...caller.scopes] };
  }
}
