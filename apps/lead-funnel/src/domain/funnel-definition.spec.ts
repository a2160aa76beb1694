import { DomainError, ErrorCode } from '@sales-suite/contracts/core';
import {
  assertTransition,
  DEFAULT_FUNNEL_DEFINITION,
  funnelDefinitionViolations,
} from './funnel-definition';

const failure = (run: () => void): DomainError => {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a failure');
};

describe('funnel definition', () => {
  it.each([
    ['new', 'engaged'],
    ['engaged', 'mql'],
    ['mql', 'sql'],
    ['mql', 'engaged'],
    ['sql', 'opportunity'],
    ['opportunity', 'closed_won'],
    ['closed_lost', 'recycled'],
    ['recycled', 'engaged'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(() => assertTransition(DEFAULT_FUNNEL_DEFINITION, from, to, null)).not.toThrow();
  });

  it.each([
    ['new', 'sql', 'engaged, closed_lost'],
    ['engaged', 'closed_won', 'mql, closed_lost'],
    ['closed_won', 'recycled', 'none'],
    ['closed_lost', 'engaged', 'recycled'],
  ] as const)('refuses %s → %s with a 409 naming the allowed stages (%s)', (from, to, allowed) => {
    const error = failure(() => assertTransition(DEFAULT_FUNNEL_DEFINITION, from, to, null));
    expect(error.code).toBe(ErrorCode.LeadTransitionNotAllowed);
    expect(error.message).toContain(`allowed from ${from}: ${allowed}`);
    expect(error.details).toMatchObject({ from, to });
  });

  it.each([null, 'because', ''])('refuses closed_lost with reason %p', (reason) => {
    const error = failure(() =>
      assertTransition(DEFAULT_FUNNEL_DEFINITION, 'sql', 'closed_lost', reason),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details?.violations).toEqual([
      { field: 'reason', reason: expect.stringContaining('no_budget') },
    ]);
  });

  it('accepts closed_lost with a configured reason', () => {
    expect(() =>
      assertTransition(DEFAULT_FUNNEL_DEFINITION, 'sql', 'closed_lost', 'no_budget'),
    ).not.toThrow();
  });

  it('follows a changed definition, not code', () => {
    const definition = {
      transitions: [{ from: 'new' as const, to: ['sql' as const] }],
      lostReasons: ['spam'],
    };
    expect(() => assertTransition(definition, 'new', 'sql', null)).not.toThrow();
    expect(failure(() => assertTransition(definition, 'new', 'engaged', null)).details).toEqual({
      from: 'new',
      to: 'engaged',
      allowed: ['sql'],
    });
  });

  it('finds duplicated stages and moves to the same stage', () => {
    expect(
      funnelDefinitionViolations({
        transitions: [
          { from: 'new', to: ['engaged'] },
          { from: 'engaged', to: ['engaged', 'mql'] },
          { from: 'new', to: ['mql'] },
        ],
        lostReasons: ['x'],
      }),
    ).toEqual([
      { field: 'transitions.1.to', reason: 'stage engaged cannot move to itself' },
      { field: 'transitions.2.from', reason: 'stage new is listed twice' },
    ]);
    expect(funnelDefinitionViolations(DEFAULT_FUNNEL_DEFINITION)).toEqual([]);
  });
});
