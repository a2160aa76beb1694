import type { ConfigService } from '@nestjs/config';
import { DomainError, ErrorCode } from '@sales-suite/contracts';
import type { NatsClientService } from '@sales-suite/messaging';
import type { ApiKeysService, Caller } from './api-keys.service';
import { ClusterRateLimiter } from './rate-limit/cluster-rate-limiter';
import { RequestAuthorizer } from './request-authorizer';

const VALID = 'ssk_valid';
const READER: Caller = { keyId: 'k-1', name: 'reader', scopes: ['glossary:read'] };

/** A gateway alone (no report sent or heard) allowing 2 failed authentications a minute. */
function authorizer(): RequestAuthorizer {
  const settings: Record<string, number> = {
    RATE_LIMIT_PER_MINUTE: 100,
    AUTH_FAILURES_PER_MINUTE: 2,
  };
  const config = { getOrThrow: (name: string) => settings[name] } as unknown as ConfigService;
  const limiter = new ClusterRateLimiter({} as NatsClientService, config);
  const apiKeys = {
    verify: (key: string) => Promise.resolve(key === VALID ? READER : null),
  } as unknown as ApiKeysService;
  return new RequestAuthorizer(apiKeys, limiter);
}

type Attempt = [key: string | null, ip: string, options?: { countFailure: boolean }];

/** Each attempt's outcome: 'ok', or the refusal's code and Retry-After. */
async function outcomes(attempts: Attempt[], scopes = ['glossary:read' as const]) {
  const subject = authorizer();
  const seen: string[] = [];
  for (const [key, ip, options] of attempts) {
    const headers = key ? { authorization: `Bearer ${key}` } : {};
    try {
      await subject.authorize({ headers, ip }, scopes, options);
      seen.push('ok');
    } catch (error) {
      const { code, details } = error as DomainError;
      seen.push(code === ErrorCode.RateLimited ? `429 after ${details?.retryAfterSeconds}s` : code);
    }
  }
  return seen;
}

const A = '203.0.113.9';

describe('RequestAuthorizer: failed authentications per client network', () => {
  it.each<[string, Attempt[], RegExp[]]>([
    [
      'unknown keys: refused, then throttled',
      [
        ['ssk_guess_1', A],
        ['ssk_guess_2', A],
        ['ssk_guess_3', A],
      ],
      [/^UNAUTHENTICATED$/, /^UNAUTHENTICATED$/, /^429 after \d+s$/],
    ],
    [
      'a missing key is a failure too',
      [
        [null, A],
        [null, A],
        ['ssk_guess', A],
      ],
      [/^UNAUTHENTICATED$/, /^UNAUTHENTICATED$/, /^429/],
    ],
    [
      'a valid key from a throttled address still passes',
      [
        ['ssk_guess_1', A],
        ['ssk_guess_2', A],
        ['ssk_guess_3', A],
        [VALID, A],
      ],
      [/UNAUTHENTICATED/, /UNAUTHENTICATED/, /^429/, /^ok$/],
    ],
    [
      'another address has its own budget',
      [
        ['ssk_guess', A],
        ['ssk_guess', A],
        ['ssk_guess', '203.0.113.10'],
      ],
      [/UNAUTHENTICATED/, /UNAUTHENTICATED/, /^UNAUTHENTICATED$/],
    ],
    [
      'an IPv4-mapped peer is its IPv4 address',
      [
        ['ssk_guess', A],
        ['ssk_guess', `::ffff:${A}`],
        ['ssk_guess', A],
      ],
      [/UNAUTHENTICATED/, /UNAUTHENTICATED/, /^429/],
    ],
    [
      'IPv6 addresses count by their /64',
      [
        ['ssk_guess', '2001:db8:1:2::1'],
        ['ssk_guess', '2001:db8:1:2::ffff'],
        ['ssk_guess', '2001:db8:1:2:aaaa::1'],
        ['ssk_guess', '2001:db8:1:3::1'],
      ],
      [/UNAUTHENTICATED/, /UNAUTHENTICATED/, /^429/, /^UNAUTHENTICATED$/],
    ],
    [
      'a first look that does not count leaves the budget whole',
      [
        ['ssk_guess', A, { countFailure: false }],
        ['ssk_guess', A, { countFailure: false }],
        ['ssk_guess', A, { countFailure: false }],
        ['ssk_guess', A],
        ['ssk_guess', A],
      ],
      [
        /UNAUTHENTICATED/,
        /UNAUTHENTICATED/,
        /UNAUTHENTICATED/,
        /UNAUTHENTICATED/,
        /UNAUTHENTICATED/,
      ],
    ],
  ])('%s', async (_case, attempts, expected) => {
    const seen = await outcomes(attempts);
    expect(seen).toHaveLength(expected.length);
    seen.forEach((outcome, i) => expect(outcome).toMatch(expected[i]));
  });

  it('does not count a valid key that lacks the scope as a failed authentication', async () => {
    const attempts: Attempt[] = [
      [VALID, A],
      [VALID, A],
      [VALID, A],
      ['ssk_guess', A],
    ];
    expect(await outcomes(attempts, ['crm:write' as never])).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'UNAUTHENTICATED',
    ]);
  });
});
