import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateTermDto,
  GlossarySubjects,
  ListTermsQueryDto,
  Page,
  TermPageView,
  TermSlugDto,
  TermView,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { FastifyReply } from 'fastify';
import { RequireScopes } from '../auth/auth.decorators';
import { ApiRoutedProblemResponses } from '../openapi/api-problem-responses.decorator';

@ApiTags('glossary')
@ApiBearerAuth()
@Controller('v1/glossary')
export class GlossaryController {
  constructor(private readonly nats: NatsRequester) {}

  @Get('terms')
  @RequireScopes('glossary:read')
  @ApiOperation({
    summary: 'List terms',
    description: 'Slug order, cursor pagination, optional filters.',
  })
  @ApiOkResponse({ type: TermPageView })
  @ApiRoutedProblemResponses(400, 401, 403)
  list(@Query() query: ListTermsQueryDto): Promise<Page<TermView>> {
    return this.nats.request(GlossarySubjects.ListTerms, query);
  }

  @Get('terms/:slug')
  @RequireScopes('glossary:read')
  @ApiOperation({ summary: 'Get one term by slug' })
  @ApiOkResponse({ type: TermView })
  @ApiRoutedProblemResponses(400, 401, 403, 404)
  get(@Param() params: TermSlugDto): Promise<TermView> {
    return this.nats.request(GlossarySubjects.GetTerm, params);
  }

  @Post('terms')
  @RequireScopes('glossary:write')
  @ApiOperation({ summary: 'Create a term' })
  @ApiCreatedResponse({
    type: TermView,
    headers: { Location: { description: 'URL of the new term' } },
  })
  @ApiRoutedProblemResponses(400, 401, 403, 409)
  async create(
    @Body() input: CreateTermDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TermView> {
    const term = await this.nats.request<TermView>(GlossarySubjects.CreateTerm, input);
    void reply.header('location', `/v1/glossary/terms/${term.slug}`);
    return term;
  }
}
