import type { LeadEvent } from './lead-events';
import { publicationsOf } from './lead-publications';
import { replayLead } from './lead-state';

const T0 = Date.UTC(2026, 0, 1);
const at = new Date(T0).toISOString();
const created: LeadEvent = {
  type: 'LeadCreated',
  version: 1,
  occurredAt: T0,
  data: { source: 'inbound', contactId: 'c-1', accountId: 'a-1', ownerId: null, amount: 5000 },
};
const stage = (version: number, from: string, to: string, score: number | null = null) =>
  ({
    type: 'StageChanged',
    version,
    occurredAt: T0,
    data: {
      from,
      to,
      reason: null,
      automatic: score !== null,
      cause: score === null ? null : { score, threshold: 50, hysteresis: 10, modelVersion: 1 },
    },
  }) as LeadEvent;
const scored = (version: number, total: number, announced: boolean): LeadEvent => ({
  type: 'ScoreChanged',
  version,
  occurredAt: T0,
  data: {
    modelVersion: 1,
    fit: 0,
    engagement: total,
    total,
    ...(announced && { announcement: { reason: 'change' as const, crossed: [] } }),
  },
});

describe('publicationsOf: what other tools hear about appended events', () => {
  const cases: [string, LeadEvent[], LeadEvent[], [string, Record<string, unknown>][]][] = [
    [
      'a creation, with ids only (no amount)',
      [],
      [created],
      [
        [
          'lead.created',
          {
            leadId: 'l-1',
            version: 1,
            occurredAt: at,
            source: 'inbound',
            contactId: 'c-1',
            accountId: 'a-1',
            ownerId: null,
          },
        ],
      ],
    ],
    [
      'a stage change into MQL is also a qualification',
      [created],
      [stage(2, 'engaged', 'mql', 55)],
      [
        ['lead.stage_changed', { from: 'engaged', to: 'mql', automatic: true, reason: null }],
        ['lead.qualified', { from: 'engaged', to: 'mql', automatic: true, score: 55 }],
      ],
    ],
    [
      'leaving MQL for engaged is a disqualification',
      [created],
      [stage(2, 'mql', 'engaged', 35)],
      [
        ['lead.stage_changed', { from: 'mql', to: 'engaged' }],
        ['lead.disqualified', { from: 'mql', to: 'engaged', score: 35 }],
      ],
    ],
    [
      'moving on from MQL to SQL is not',
      [created],
      [stage(2, 'mql', 'sql')],
      [['lead.stage_changed', { to: 'sql' }]],
    ],
    [
      'an assignment',
      [created],
      [
        {
          type: 'LeadAssigned',
          version: 2,
          occurredAt: T0,
          data: { territoryId: 't-1', ownerId: 'o-1', reason: 'round_robin' },
        },
      ],
      [
        [
          'lead.assigned',
          { version: 2, territoryId: 't-1', ownerId: 'o-1', reason: 'round_robin' },
        ],
      ],
    ],
    ['a score not announced is not published', [created], [scored(2, 4, false)], []],
    [
      'an announced score names the total announced before it',
      [created, scored(2, 20, true), scored(3, 24, false)],
      [scored(4, 31, true)],
      [
        [
          'lead.score_changed',
          { version: 4, total: 31, previousTotal: 20, reason: 'change', crossed: [] },
        ],
      ],
    ],
    [
      'two announcements in one command: the second compares with the first',
      [created],
      [scored(2, 12, true), scored(3, 25, true)],
      [
        ['lead.score_changed', { total: 12, previousTotal: 0 }],
        ['lead.score_changed', { total: 25, previousTotal: 12 }],
      ],
    ],
    [
      'engagement, fit and committee events are not published',
      [created],
      [
        {
          type: 'EngagementRecorded',
          version: 2,
          occurredAt: T0,
          data: { type: 'web_visit', contactId: null, sourceId: null },
        },
      ],
      [],
    ],
  ];
  it.each(cases)('%s', (_name, history, appended, expected) => {
    const published = publicationsOf('l-1', replayLead('l-1', history), appended);
    expect(published.map(({ subject }) => subject)).toEqual(expected.map(([subject]) => subject));
    published.forEach(({ payload }, index) => expect(payload).toMatchObject(expected[index][1]));
    for (const { payload } of published)
      expect(payload).toMatchObject({ leadId: 'l-1', occurredAt: at });
  });

  it('publishes no personal data: the creation payload has exactly these keys', () => {
    const [{ payload }] = publicationsOf('l-1', null, [created]);
    expect(Object.keys(payload).sort()).toEqual(
      ['accountId', 'contactId', 'leadId', 'occurredAt', 'ownerId', 'source', 'version'].sort(),
    );
  });
});
