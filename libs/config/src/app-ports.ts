/** Default HTTP port of each app: the gateway's public API, and each service's operations port. */
export const APP_HTTP_PORTS = {
  gateway: 3000,
  glossary: 3001,
  'crm-enrichment': 3002,
  'lead-funnel': 3003,
  'email-tracking': 3004,
} as const;

export type AppName = keyof typeof APP_HTTP_PORTS;
