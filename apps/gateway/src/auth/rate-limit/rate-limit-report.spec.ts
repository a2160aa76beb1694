import { decodeRateLimitReport, encodeRateLimitReport } from './rate-limit-report';

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('rate limit reports', () => {
  it('decodes what it encodes', () => {
    const report = {
      instance: 'gw-1',
      budget: 'apiKey' as const,
      limit: 600,
      counts: [
        { key: 'k1', windowStart: 1_800_000_000_000, count: 3 },
        { key: 'k2', windowStart: 1_799_999_940_000, count: 1 },
      ],
    };
    expect(decodeRateLimitReport(encodeRateLimitReport(report))).toEqual(report);
    const heartbeat = { instance: 'gw-1', budget: 'authFailures' as const, limit: 20, counts: [] };
    expect(decodeRateLimitReport(encodeRateLimitReport(heartbeat))).toEqual(heartbeat);
  });

  it.each([
    ['not JSON', Buffer.from('{"instance":')],
    ['null', bytes(null)],
    ['no instance', bytes({ budget: 'apiKey', limit: 600, counts: [] })],
    ['no budget', bytes({ instance: 'gw-1', limit: 600, counts: [] })],
    ['an unknown budget', bytes({ instance: 'gw-1', budget: 'other', limit: 600, counts: [] })],
    ['no limit', bytes({ instance: 'gw-1', budget: 'apiKey', counts: [] })],
    ['no counts', bytes({ instance: 'gw-1', budget: 'apiKey', limit: 600 })],
    [
      'a count that is not a triple',
      bytes({ instance: 'gw-1', budget: 'apiKey', limit: 600, counts: [['k', 1]] }),
    ],
    [
      'a key that is not a string',
      bytes({ instance: 'gw-1', budget: 'apiKey', limit: 600, counts: [[1, 1, 1]] }),
    ],
    [
      'a window that is not an integer',
      bytes({ instance: 'gw-1', budget: 'apiKey', limit: 600, counts: [['k', 1.5, 1]] }),
    ],
    [
      'a zero count',
      bytes({ instance: 'gw-1', budget: 'apiKey', limit: 600, counts: [['k', 1, 0]] }),
    ],
    [
      'a negative count',
      bytes({ instance: 'gw-1', budget: 'apiKey', limit: 600, counts: [['k', 1, -4]] }),
    ],
  ])('refuses %s', (_what, data) => {
    expect(decodeRateLimitReport(data)).toBeNull();
  });
});
