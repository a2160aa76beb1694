import { Injectable } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@sales-suite/contracts';
import { NatsRequester } from '@sales-suite/messaging';
import type { Caller } from '../auth/api-keys.service';
import { parseIfMatch } from './entity-tag';
import { TermCache } from './term-cache';

/** Every change to terms goes through here, so no cached term outlives a change this gateway made. */
@Injectable()
export class TermWrites {
  constructor(
    private readonly nats: NatsRequester,
    private readonly cache: TermCache,
  ) {}

  /** Forwards a change, then drops cached terms: it may have touched linked terms too. */
  async forward<T>(subject: string, data: unknown, caller: Caller, timeoutMs?: number) {
    try {
      return await this.nats.request<T>(subject, data, { actor: caller.name, timeoutMs });
    } finally {
      this.cache.clear();
    }
  }
}

/** Documents the If-Match header a change takes. */
export function ApiIfMatch(required: boolean) {
  return ApiHeader({
    name: 'If-Match',
    required,
    description: 'The ETag of the version you edited (`"3"`), or `*` for any version.',
    example: '"1"',
  });
}

/** The version an If-Match header names (null for `*`); missing is 428, unmatchable 412. */
export function expectedVersion(ifMatch: string | undefined): number | null {
  const parsed = parseIfMatch(ifMatch);
  switch (parsed.kind) {
    case 'missing':
      throw new DomainError(
        ErrorCode.PreconditionRequired,
        'This change needs an If-Match header with the ETag of the version you edited',
        { violations: [{ field: 'If-Match', reason: 'header is required' }] },
      );
    case 'unmatchable':
      throw new DomainError(ErrorCode.PreconditionFailed, parsed.reason, {
        violations: [{ field: 'If-Match', reason: parsed.reason }],
      });
    case 'any':
      return null;
    case 'version':
      return parsed.version;
  }
}
