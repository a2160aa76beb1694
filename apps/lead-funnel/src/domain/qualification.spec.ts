import { qualificationMove } from './qualification';

const Q = { mqlThreshold: 50, hysteresis: 10 };

describe('qualificationMove (threshold 50, hysteresis 10)', () => {
  it.each([
    ['engaged', false, 49.99, null],
    ['engaged', false, 50, 'mql'],
    ['engaged', false, 75, 'mql'],
    ['new', false, 90, null],
    ['sql', false, 0, null],
    ['mql', true, 49, null],
    ['mql', true, 40, null],
    ['mql', true, 39.99, 'engaged'],
    ['mql', false, 0, null],
    ['closed_lost', false, 99, null],
  ] as const)('%s (automatic MQL: %s) at %d → %s', (stage, auto, score, to) => {
    expect(qualificationMove(stage, auto, score, Q)).toEqual(to ? { to } : null);
  });

  it('does not flip back and forth on a score oscillating inside the band', () => {
    let stage: 'engaged' | 'mql' = 'engaged';
    const moves: string[] = [];
    for (const score of [45, 52, 47, 51, 41, 49, 39, 44, 50]) {
      const move = qualificationMove(stage, stage === 'mql', score, Q);
      if (move) {
        stage = move.to as 'engaged' | 'mql';
        moves.push(`${score}:${stage}`);
      }
    }
    expect(moves).toEqual(['52:mql', '39:engaged', '50:mql']);
  });
});
