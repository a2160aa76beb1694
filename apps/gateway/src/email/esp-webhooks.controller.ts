import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  DomainError,
  EmailSubjects,
  ErrorCode,
  ESP_PROVIDERS,
  EspWebhookResultView,
  isEspProvider,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { ApiRoutedProblemResponses } from '../openapi/api-problem-responses.decorator';
import { EspWebhookVerifier } from './esp/esp-webhook-verifier';
import { espWebhookRefusalsTotal } from './esp/esp-webhooks.metrics';
import { rawBodyOf } from './esp/raw-body.hook';
import { WebhookRefused } from './esp/webhook-signatures';

/** What an SNS subscription message gets back (no events in it). */
export class SnsSubscriptionView {
  @ApiProperty({ description: 'true for a confirmed subscription, false for an unsubscribe.' })
  subscriptionConfirmed: boolean;
}

@ApiTags('email')
@ApiExtraModels(EspWebhookResultView, SnsSubscriptionView)
@Controller('v1/email/webhooks')
export class EspWebhooksController {
  constructor(
    private readonly nats: NatsRequester,
    private readonly verifier: EspWebhookVerifier,
  ) {}

  @Post(':provider')
  @Public()
  @HttpCode(200)
  // SNS posts its JSON as text/plain; the others post application/json.
  @ApiConsumes('application/json', 'text/plain')
  @ApiParam({ name: 'provider', enum: ESP_PROVIDERS })
  @ApiOperation({
    operationId: 'receiveEspWebhook',
    // No API key: each provider signs its posts (see the description).
    security: [],
    summary: 'Delivery events as an email service provider posts them (no API key: signed)',
    description:
      'ses (SNS, signature and subscription confirmation), sendgrid (Signed Event Webhook), mailgun (HMAC signature), postmark (basic auth). The message is found by the X-Sales-Suite-Message-Id header or the sales_suite_message_id custom argument. Unknown message ids are reported, not fatal; a replayed event counts once.',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(EspWebhookResultView) },
        { $ref: getSchemaPath(SnsSubscriptionView) },
      ],
    },
  })
  @ApiRoutedProblemResponses(400, 401, 404, 413, 422)
  async receive(
    @Param('provider') provider: string,
    @Req() request: FastifyRequest,
  ): Promise<EspWebhookResultView | SnsSubscriptionView> {
    if (!isEspProvider(provider))
      throw new DomainError(
        ErrorCode.NotFound,
        `No webhook for provider ${provider.slice(0, 40)}`,
        {
          violations: [{ field: 'provider', reason: `must be one of ${ESP_PROVIDERS.join(', ')}` }],
        },
      );
    try {
      const verified = await this.verifier.verify(provider, rawBodyOf(request), request.headers);
      if (verified.kind === 'subscription') return { subscriptionConfirmed: verified.confirmed };
      return await this.nats.request(EmailSubjects.RecordEspWebhook, verified.forward);
    } catch (error) {
      if (!(error instanceof WebhookRefused)) throw error;
      espWebhookRefusalsTotal.inc({ provider, reason: error.reason });
      throw new DomainError(ErrorCode.Unauthenticated, error.message, {
        provider,
        reason: error.reason,
      });
    }
  }
}
