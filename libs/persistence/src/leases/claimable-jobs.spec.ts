import { claimableJobs } from './claimable-jobs';

describe('claimableJobs', () => {
  it.each([
    ['nothing unfinished', [], {}, []],
    ['free jobs, in the given order', ['j1', 'j2', 'j3'], {}, ['j1', 'j2', 'j3']],
    ['a job another replica holds is left alone', ['j1', 'j2'], { 'job:j1': 'b' }, ['j2']],
    ['every job held by others', ['j1', 'j2'], { 'job:j1': 'b', 'job:j2': 'c' }, []],
    ['our own (restarted) job first', ['j1', 'j2', 'j3'], { 'job:j3': 'a' }, ['j3', 'j1', 'j2']],
    [
      'own jobs first, each group in the given order',
      ['j1', 'j2', 'j3', 'j4'],
      { 'job:j2': 'a', 'job:j3': 'b', 'job:j4': 'a' },
      ['j2', 'j4', 'j1'],
    ],
    ['leases of another prefix do not count', ['j1'], { 'other:j1': 'b' }, ['j1']],
  ])('%s', (_what, unfinished, owners, expected) => {
    const live = new Map(Object.entries(owners as Record<string, string>));
    expect(claimableJobs(unfinished as string[], live, 'job:', 'a')).toEqual(expected);
  });
});
