import type { OpenAPIObject } from '@nestjs/swagger';
import { sortKeys, unpinnedOperations } from './openapi-document';

describe('sortKeys', () => {
  it('sorts object keys at every depth and keeps the order of arrays', () => {
    const sorted = sortKeys({ b: { d: 1, c: [{ z: 1, y: 2 }, 'x'] }, a: null });
    expect(JSON.stringify(sorted)).toBe('{"a":null,"b":{"c":[{"y":2,"z":1},"x"],"d":1}}');
  });
});

describe('unpinnedOperations', () => {
  const document = (operationIds: string[]) =>
    ({
      paths: {
        '/v1/things': Object.fromEntries(
          ['get', 'post']
            .slice(0, operationIds.length)
            .map((method, i) => [method, { operationId: operationIds[i], responses: {} }]),
        ),
      },
    }) as unknown as OpenAPIObject;

  it.each([
    [['listThings', 'createThing'], []],
    [
      ['listThings', 'unpinned:ThingsController.create'],
      ['POST /v1/things (ThingsController.create)'],
    ],
  ])('%j → %j', (ids, unpinned) => {
    expect(unpinnedOperations(document(ids))).toEqual(unpinned);
  });
});
