import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  GlossarySubjects,
  ResolvedTermView,
  ResolveTermsRequestDto,
} from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';

/** Asks the glossary for terms by slug: the funnel keeps no copy, so it is never stale. */
@Injectable()
export class GlossaryTermsClient {
  constructor(private readonly nats: NatsRequester) {}

  /** The live terms among `slugs`; a glossary that does not answer is a 503 (never "unknown"). */
  async resolve(slugs: readonly string[]): Promise<ResolvedTermView[]> {
    if (slugs.length === 0) return [];
    const request: ResolveTermsRequestDto = { slugs: [...slugs] };
    return this.nats.request<ResolvedTermView[]>(GlossarySubjects.ResolveTerms, request);
  }

  /** The same, or null when the glossary is unavailable (a read can show the links without terms). */
  async resolveIfAvailable(slugs: readonly string[]): Promise<ResolvedTermView[] | null> {
    try {
      return await this.resolve(slugs);
    } catch (error) {
      if (error instanceof DomainError && UNAVAILABLE.has(error.code)) return null;
      throw error;
    }
  }
}

const UNAVAILABLE = new Set<ErrorCode>([ErrorCode.ServiceUnavailable, ErrorCode.ServiceTimeout]);
