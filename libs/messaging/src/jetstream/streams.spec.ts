import { streamConfigChanges } from './streams';

describe('streamConfigChanges', () => {
  const wanted = { subjects: ['p.a.*', 'p.b.*'], replicas: 3 };

  it.each([
    [
      'nothing when subjects and replicas match',
      { subjects: ['p.a.*', 'p.b.*'], num_replicas: 3 },
      wanted,
      undefined,
    ],
    [
      'nothing when the stream has extra subjects (another version may still publish there)',
      { subjects: ['p.old.*', 'p.a.*', 'p.b.*'], num_replicas: 3 },
      wanted,
      undefined,
    ],
    [
      'the replica count when it differs (scale up)',
      { subjects: ['p.a.*', 'p.b.*'], num_replicas: 1 },
      wanted,
      { subjects: ['p.a.*', 'p.b.*'], num_replicas: 3 },
    ],
    [
      'the replica count when it differs (scale down)',
      { subjects: ['p.a.*'], num_replicas: 3 },
      { subjects: ['p.a.*'], replicas: 1 },
      { subjects: ['p.a.*'], num_replicas: 1 },
    ],
    [
      'missing subjects appended after the existing ones',
      { subjects: ['p.old.*', 'p.b.*'], num_replicas: 3 },
      wanted,
      { subjects: ['p.old.*', 'p.b.*', 'p.a.*'], num_replicas: 3 },
    ],
    [
      'both at once',
      { subjects: [], num_replicas: 1 },
      wanted,
      { subjects: ['p.a.*', 'p.b.*'], num_replicas: 3 },
    ],
    [
      'subjects when the server reports none',
      { num_replicas: 3 },
      wanted,
      { subjects: ['p.a.*', 'p.b.*'], num_replicas: 3 },
    ],
  ])('changes %s', (_case, current, target, expected) => {
    expect(streamConfigChanges(current, target)).toEqual(expected);
  });
});
