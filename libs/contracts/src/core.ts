/**
 * The framework-free entry of the contracts: vocabulary, subjects, event payloads, error codes
 * and pixel tokens, importable without loading Nest, Swagger, class-validator or
 * class-transformer (pure `domain/` and `rules/` code imports only this one; the lint rule says
 * so). The main entry re-exports all of it beside the decorated DTOs.
 */
export * from './common/csv-cells';
export * from './common/unsafe-input';
export * from './crm/crm.events';
export * from './crm/email-address';
export * from './crm/crm.subjects';
export * from './email/email.events';
export * from './email/email.subjects';
export * from './email/email-vocabulary';
export * from './email/esp-webhook-vocabulary';
export * from './email/network-source';
export * from './email/pixel-partition';
export * from './email/pixel-token';
export * from './email/unsubscribe-token';
export * from './errors/database-unavailable';
export * from './errors/domain-error';
export * from './errors/error-code';
export * from './errors/problem-details';
export * from './gateway/gateway.subjects';
export * from './glossary/glossary.subjects';
export * from './glossary/term.events';
export * from './leads/lead.events';
export * from './leads/funnel-vocabulary.events';
export * from './leads/lead-vocabulary';
export * from './leads/leads.subjects';
export * from './leads/scoring-model';
export * from './privacy/privacy.events';
export * from './service-names';
