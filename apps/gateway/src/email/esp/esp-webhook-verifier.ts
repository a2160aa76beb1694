import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DomainError, ErrorCode, EspProvider, EspWebhookDto } from '@sales-suite/contracts';
import type { IncomingHttpHeaders } from 'node:http';
import { EspWebhookConfig, espWebhookConfig } from './esp-webhook-config';
import { SnsCertificates } from './sns-certificates';
import {
  isTrustedSnsUrl,
  parseSnsMessage,
  requireTrustedCertificateUrl,
  verifySnsSignature,
} from './sns-message';
import {
  parsePostmarkBody,
  verifyMailgun,
  verifyPostmark,
  verifySendGrid,
  WebhookRefused,
} from './webhook-signatures';

const SUBSCRIBE_TIMEOUT_MS = 5000;

/** A verified webhook: either events to record, or an SNS subscription message handled here. */
export type VerifiedWebhook =
  { kind: 'events'; forward: EspWebhookDto } | { kind: 'subscription'; confirmed: boolean };

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(raw: Buffer, parse: (text: string) => unknown = JSON.parse): unknown {
  try {
    return parse(raw.toString('utf8'));
  } catch {
    throw new DomainError(ErrorCode.ValidationFailed, 'The body is not valid JSON', {
      violations: [{ field: 'body', reason: 'must be JSON' }],
    });
  }
}

/**
 * Authenticates a provider's webhook from its raw bytes and headers and returns what to forward.
 * Throws `WebhookRefused` (→ 401) when authentication fails, 404 for a provider not configured.
 */
@Injectable()
export class EspWebhookVerifier {
  private readonly providers: EspWebhookConfig;

  constructor(
    config: ConfigService,
    private readonly certificates: SnsCertificates,
  ) {
    this.providers = espWebhookConfig(config);
  }

  async verify(
    provider: EspProvider,
    raw: Buffer,
    headers: IncomingHttpHeaders,
  ): Promise<VerifiedWebhook> {
    switch (provider) {
      case 'sendgrid': {
        const { publicKey } = this.configured('sendgrid');
        verifySendGrid(
          publicKey,
          firstHeader(headers['x-twilio-email-event-webhook-signature']),
          firstHeader(headers['x-twilio-email-event-webhook-timestamp']),
          raw,
        );
        return events(provider, parseJson(raw));
      }
      case 'mailgun': {
        const { signingKey } = this.configured('mailgun');
        const body = parseJson(raw);
        verifyMailgun(signingKey, body);
        return events(provider, body);
      }
      case 'postmark': {
        verifyPostmark(this.configured('postmark'), firstHeader(headers.authorization));
        return events(provider, parseJson(raw, parsePostmarkBody));
      }
      case 'ses':
        return this.verifySns(raw);
    }
  }

  private async verifySns(raw: Buffer): Promise<VerifiedWebhook> {
    const { topicArns, extraTrustedOrigin } = this.configured('ses');
    const message = parseSnsMessage(parseJson(raw));
    if (!topicArns.has(message.TopicArn))
      throw new WebhookRefused('unknown_topic', 'TopicArn is not one of SES_SNS_TOPIC_ARNS');
    requireTrustedCertificateUrl(message.SigningCertURL, extraTrustedOrigin);
    verifySnsSignature(message, await this.certificates.key(message.SigningCertURL));
    if (message.Type === 'UnsubscribeConfirmation')
      return { kind: 'subscription', confirmed: false };
    if (message.Type === 'SubscriptionConfirmation') {
      await this.confirmSubscription(message.SubscribeURL!, extraTrustedOrigin);
      return { kind: 'subscription', confirmed: true };
    }
    const payload = (() => {
      try {
        return JSON.parse(message.Message) as unknown;
      } catch {
        throw new DomainError(ErrorCode.ValidationFailed, 'Message is not valid JSON', {
          violations: [{ field: 'Message', reason: 'must be the SES notification as JSON' }],
        });
      }
    })();
    return { kind: 'events', forward: { provider: 'ses', payload, eventId: message.MessageId } };
  }

  private async confirmSubscription(url: string, extraTrustedOrigin?: string): Promise<void> {
    if (!isTrustedSnsUrl(url, extraTrustedOrigin))
      throw new WebhookRefused(
        'untrusted_certificate_url',
        'SubscribeURL must be https on an sns.<region>.amazonaws.com host',
      );
    const response = await fetch(url, {
      signal: AbortSignal.timeout(SUBSCRIBE_TIMEOUT_MS),
      redirect: 'error',
    }).catch(() => null);
    if (!response?.ok)
      throw new DomainError(
        ErrorCode.ServiceUnavailable,
        'The SNS subscription could not be confirmed; SNS sends the confirmation again',
      );
  }

  private configured<P extends EspProvider>(provider: P): NonNullable<EspWebhookConfig[P]> {
    const settings = this.providers[provider];
    if (!settings)
      throw new DomainError(
        ErrorCode.NotFound,
        `Webhooks from ${provider} are not configured on this gateway`,
        { provider },
      );
    return settings;
  }
}

function events(provider: EspProvider, payload: unknown): VerifiedWebhook {
  return { kind: 'events', forward: { provider, payload } };
}
