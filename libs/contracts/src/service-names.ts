/** NATS queue group and OpenTelemetry service name of each service that answers requests. */
export const ServiceNames = {
  Gateway: 'gateway',
  Glossary: 'glossary',
  CrmEnrichment: 'crm-enrichment',
  LeadFunnel: 'lead-funnel',
  EmailTracking: 'email-tracking',
} as const;
