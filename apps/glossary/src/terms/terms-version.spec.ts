import { TermsChange, TermsVersion } from './terms-version';

describe('TermsVersion', () => {
  it('starts at generation 0, moved by nothing yet', () => {
    expect(new TermsVersion().current).toEqual({ generation: 0, change: 'start' });
  });

  it.each<[Exclude<TermsChange, 'start'>[], number, TermsChange]>([
    [['local-change'], 1, 'local-change'],
    [['event'], 1, 'event'],
    [['resync'], 1, 'resync'],
    // A replica's own write moves it at once, then again when its own event comes back.
    [['local-change', 'event'], 2, 'event'],
    [['event', 'event', 'resync'], 3, 'resync'],
  ])('after %j: generation %i, last change %s', (changes, generation, change) => {
    const version = new TermsVersion();
    for (const moved of changes) version.moved(moved);
    expect(version.current).toEqual({ generation, change });
  });

  it('never repeats a generation, so a value seen earlier is never current again', () => {
    const version = new TermsVersion();
    const seen = new Set([version.current.generation]);
    for (let i = 0; i < 100; i++) {
      version.moved(i % 2 ? 'event' : 'resync');
      expect(seen.has(version.current.generation)).toBe(false);
      seen.add(version.current.generation);
    }
  });
});
