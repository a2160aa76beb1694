import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { existsSync } from 'node:fs';
import { Counter } from 'prom-client';
import type { Proposal } from '../provenance/field-provenance';
import { CompanyDirectoryProvider } from './company-directory.provider';
import type { CompanyFacts, EnrichmentProvider } from './enrichment-provider';
import { HttpCompanyProvider } from './http-company.provider';
import type { CrmEnrichmentEnv } from '../config/crm-enrichment.env';
import { CircuitOpenError } from './resilience';

const providerLookups = new Counter({
  name: 'crm_provider_lookups_total',
  help: 'Company lookups by provider and outcome (found, not_found, failed, circuit_open)',
  labelNames: ['provider', 'outcome'] as const,
});

const FACT_FIELDS: (keyof CompanyFacts)[] = ['name', 'industry', 'employeeRange', 'country'];

/** The configured providers, asked in order; a failing provider is logged and skipped. */
@Injectable()
export class ProvidersService {
  private readonly logger = new Logger(ProvidersService.name);
  readonly providers: EnrichmentProvider[] = [];

  constructor(config: ConfigService<CrmEnrichmentEnv, true>) {
    const directoryPath = config.get('CRM_COMPANY_DIRECTORY_PATH', { infer: true });
    if (directoryPath && existsSync(directoryPath))
      this.providers.push(CompanyDirectoryProvider.fromFile(directoryPath));
    else if (directoryPath)
      this.logger.warn(
        `No company directory at ${directoryPath}: the company-directory provider is off`,
      );
    const url = config.get('CRM_HTTP_PROVIDER_URL', { infer: true });
    if (url) {
      this.providers.push(
        new HttpCompanyProvider({
          name: config.get('CRM_HTTP_PROVIDER_NAME', { infer: true }),
          urlTemplate: url,
          authHeader: config.get('CRM_HTTP_PROVIDER_AUTH_HEADER', { infer: true }),
          timeoutMs: config.get('CRM_HTTP_PROVIDER_TIMEOUT_MS', { infer: true }),
          retries: config.get('CRM_HTTP_PROVIDER_RETRIES', { infer: true }),
          backoffBaseMs: 100,
          backoffMaxMs: 2000,
          breakerFailureThreshold: config.get('CRM_HTTP_PROVIDER_BREAKER_THRESHOLD', {
            infer: true,
          }),
          breakerCooldownMs: config.get('CRM_HTTP_PROVIDER_BREAKER_COOLDOWN_MS', { infer: true }),
          ratePerSecond: config.get('CRM_HTTP_PROVIDER_RATE_PER_SECOND', { infer: true }),
          rateBurst: Math.max(
            1,
            Math.ceil(config.get('CRM_HTTP_PROVIDER_RATE_PER_SECOND', { infer: true })),
          ),
          verified: config.get('CRM_HTTP_PROVIDER_VERIFIED', { infer: true }),
        }),
      );
    }
  }

  /** Field proposals for an account from every provider that knows the domain. */
  async companyProposals(domain: string): Promise<Proposal[]> {
    const answers = await Promise.all(this.providers.map((provider) => this.ask(provider, domain)));
    return answers.flat();
  }

  private async ask(provider: EnrichmentProvider, domain: string): Promise<Proposal[]> {
    try {
      const facts = await provider.lookupCompany(domain);
      providerLookups.inc({ provider: provider.name, outcome: facts ? 'found' : 'not_found' });
      if (!facts) return [];
      return FACT_FIELDS.filter((field) => facts[field]).map((field) => ({
        field,
        value: facts[field] ?? null,
        source: `provider:${provider.name}`,
        confidence: provider.confidence,
        verified: provider.verified,
      }));
    } catch (error) {
      const open = error instanceof CircuitOpenError;
      providerLookups.inc({ provider: provider.name, outcome: open ? 'circuit_open' : 'failed' });
      if (!open)
        this.logger.warn(
          `Provider ${provider.name} failed for ${domain}: ${(error as Error).message}`,
        );
      return [];
    }
  }
}
