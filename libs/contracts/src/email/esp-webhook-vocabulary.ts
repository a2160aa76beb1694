/** Email service providers whose delivery webhooks `POST /v1/email/webhooks/<provider>` takes natively. */
export const ESP_PROVIDERS = ['ses', 'sendgrid', 'mailgun', 'postmark'] as const;
export type EspProvider = (typeof ESP_PROVIDERS)[number];

export function isEspProvider(value: string): value is EspProvider {
  return (ESP_PROVIDERS as readonly string[]).includes(value);
}

/** The header the sender sets on each message so that every provider's events name it. */
export const MESSAGE_ID_HEADER = 'X-Sales-Suite-Message-Id';
/**
 * The custom-argument key for providers that echo arguments rather than headers: SendGrid
 * `custom_args`, Mailgun `v:` variables, Postmark `Metadata`, SES message tags.
 */
export const MESSAGE_ID_CUSTOM_ARG = 'sales_suite_message_id';
