import { Body, Param, Res } from '@nestjs/common';
import { CreateErasureDto, ErasureIdDto, ErasureView } from '@sales-suite/contracts';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../auth/api-keys.service';
import { CurrentCaller } from '../auth/auth.decorators';
import { Route, RoutesController } from '../routing/route.decorator';
import { PrivacyService } from './privacy.service';

@RoutesController('privacy', 'v1/privacy')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Route('POST', 'erasures', {
    scope: 'privacy:write',
    summary: 'Erase a person everywhere (GDPR art. 17)',
    description:
      'Starts a job that erases the person with this email and/or CRM contact id in every service ' +
      '(CRM contact and field history, email addresses and per-person open details, the lead ' +
      'funnel’s references, webhook payloads); anonymous counts stay. Follow it at `Location`. ' +
      'Asking again for the same person starts another job, which finds nothing left.',
    status: 202,
    answers: {
      type: ErasureView,
      description: 'Started',
      headers: { Location: { description: 'URL of the erasure' } },
    },
    problems: [400, 401, 403, 415],
  })
  async create(
    @Body() input: CreateErasureDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ErasureView> {
    const erasure = await this.privacy.create(input, caller);
    void reply.header('location', `/v1/privacy/erasures/${erasure.id}`);
    return erasure;
  }

  @Route('GET', 'erasures/:id', {
    scope: 'privacy:read',
    summary: 'An erasure: overall and per-service status, counts, the audit record',
    answers: ErasureView,
    problems: [400, 401, 403, 404],
  })
  get(@Param() { id }: ErasureIdDto): Promise<ErasureView> {
    return this.privacy.get(id);
  }
}
