import { Body, Param, Query } from '@nestjs/common';
import {
  CreatedWebhookView,
  CreateWebhookDto,
  PageQueryDto,
  UpdateWebhookDto,
  WebhookDeliveryPage,
  WebhookIdDto,
  WebhookView,
} from '@sales-suite/contracts';
import { Route, RoutesController } from '../routing/route.decorator';
import { WebhooksService } from './webhooks.service';

@RoutesController('webhooks', 'v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Route('POST', '', {
    operationId: 'createWebhook',
    scope: 'admin',
    summary: 'Subscribe a URL to events',
    description:
      'Answers the signing secret once. Deliveries are signed as the Standard Webhooks specification says (`webhook-id`, `webhook-timestamp`, `webhook-signature`).',
    answers: CreatedWebhookView,
    problems: [400, 401, 403, 415],
  })
  create(@Body() input: CreateWebhookDto): Promise<CreatedWebhookView> {
    return this.webhooks.create(input);
  }

  @Route('GET', '', {
    operationId: 'listWebhooks',
    scope: 'admin',
    summary: 'The subscriptions',
    answers: { type: [WebhookView] },
    problems: [401, 403],
  })
  list(): Promise<WebhookView[]> {
    return this.webhooks.list();
  }

  @Route('GET', ':id', {
    operationId: 'getWebhook',
    scope: 'admin',
    summary: 'One subscription',
    answers: WebhookView,
    problems: [400, 401, 403, 404],
  })
  get(@Param() { id }: WebhookIdDto): Promise<WebhookView> {
    return this.webhooks.get(id);
  }

  @Route('PATCH', ':id', {
    operationId: 'updateWebhook',
    scope: 'admin',
    summary: 'Change a subscription; `enabled: true` re-enables one disabled after failures',
    answers: WebhookView,
    problems: [400, 401, 403, 404, 415],
  })
  update(@Param() { id }: WebhookIdDto, @Body() change: UpdateWebhookDto): Promise<WebhookView> {
    return this.webhooks.update(id, change);
  }

  @Route('DELETE', ':id', {
    operationId: 'deleteWebhook',
    scope: 'admin',
    summary: 'Delete a subscription and its delivery log',
    status: 204,
    problems: [400, 401, 403, 404],
  })
  delete(@Param() { id }: WebhookIdDto): Promise<void> {
    return this.webhooks.delete(id);
  }

  @Route('POST', ':id/test', {
    operationId: 'testWebhook',
    scope: 'admin',
    summary: 'Send a signed `webhook.test` event (queued, retried like any delivery)',
    status: 202,
    problems: [400, 401, 403, 404],
  })
  test(@Param() { id }: WebhookIdDto): Promise<{ deliveryId: string }> {
    return this.webhooks.test(id);
  }

  @Route('GET', ':id/deliveries', {
    operationId: 'listWebhookDeliveries',
    scope: 'admin',
    summary: 'The delivery log, newest first: status, response code, attempts, next attempt',
    answers: WebhookDeliveryPage,
    problems: [400, 401, 403, 404],
  })
  deliveries(
    @Param() { id }: WebhookIdDto,
    @Query() page: PageQueryDto,
  ): Promise<WebhookDeliveryPage> {
    return this.webhooks.deliveries(id, page);
  }
}
