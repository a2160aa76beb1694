import type { FieldState } from '../provenance/field-provenance';
import { mergeChanges, staleAt } from './staleness';

const at = (source: string, observedAt: string, locked = false): FieldState => ({
  value: 'x',
  source,
  confidence: 1,
  observedAt,
  verifiedAt: null,
  locked,
});

describe('staleAt', () => {
  it('is the earliest limit over enriched fields only', () => {
    expect(
      staleAt({
        title: at('user', '2026-01-01T00:00:00.000Z', true),
        seniority: at('rule:title', '2026-01-01T00:00:00.000Z'),
        disposableEmail: at('rule:email', '2026-01-01T00:00:00.000Z'),
        industry: at('import', '2020-01-01T00:00:00.000Z'),
      }),
    ).toBe('2026-01-31T00:00:00.000Z');
  });

  it('is null when nothing was enriched', () => {
    expect(staleAt({ title: at('user', '2026-01-01T00:00:00.000Z', true) })).toBeNull();
  });

  it('scales the limits (used to test the job)', () => {
    expect(staleAt({ name: at('provider:x', '2026-01-01T00:00:00.000Z') }, 0)).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });
});

describe('mergeChanges', () => {
  it('keeps the first old value and the last new value per field', () => {
    const change = (field: string, oldValue: string | null, newValue: string | null) => ({
      field,
      oldValue,
      newValue,
      source: 's',
      confidence: 1,
      valueChanged: oldValue !== newValue,
    });
    expect(
      mergeChanges([change('a', null, 'x')], [change('a', 'x', 'y'), change('b', 'p', 'q')]),
    ).toEqual([change('a', null, 'y'), change('b', 'p', 'q')]);
    expect(mergeChanges([change('a', 'x', 'y')], [change('a', 'y', 'x')])[0].valueChanged).toBe(
      false,
    );
  });
});
