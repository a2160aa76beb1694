import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiKeyIdDto,
  ApiKeyView,
  CreateApiKeyDto,
  CreatedApiKeyView,
  UpdateApiKeyDto,
} from '@sales-suite/contracts';
import { ApiProblemResponses } from '../openapi/api-problem-responses.decorator';
import { ApiKeysService } from './api-keys.service';
import { RequireScopes } from './auth.decorators';

@ApiTags('admin')
@ApiBearerAuth()
@ApiSecurity('api-key')
@RequireScopes('admin')
@Controller('v1/admin/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ operationId: 'createApiKey', summary: 'Create an API key with scopes' })
  @ApiCreatedResponse({
    type: CreatedApiKeyView,
    description: 'The key is in the answer once, never again.',
  })
  @ApiProblemResponses(400, 401, 403, 503)
  create(@Body() input: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.apiKeys.create(input);
  }

  @Get()
  @ApiOperation({ operationId: 'listApiKeys', summary: 'The API keys (never their secrets)' })
  @ApiOkResponse({ type: [ApiKeyView] })
  @ApiProblemResponses(401, 403, 503)
  list(): Promise<ApiKeyView[]> {
    return this.apiKeys.list();
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateApiKey', summary: "Change a key's name or scopes" })
  @ApiOkResponse({
    type: ApiKeyView,
    description: 'Changed; every gateway replica applies it within a second.',
  })
  @ApiProblemResponses(400, 401, 403, 404, 503)
  update(@Param() { id }: ApiKeyIdDto, @Body() change: UpdateApiKeyDto): Promise<ApiKeyView> {
    return this.apiKeys.update(id, change);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeApiKey', summary: 'Revoke an API key' })
  @ApiNoContentResponse({
    description:
      'Revoked (also when it already was); every gateway replica refuses the key within a second.',
  })
  @ApiProblemResponses(400, 401, 403, 404, 503)
  revoke(@Param() { id }: ApiKeyIdDto): Promise<void> {
    return this.apiKeys.revoke(id);
  }
}
