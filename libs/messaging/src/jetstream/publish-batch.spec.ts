import { ackRefusal } from './publish-batch';

describe('ackRefusal', () => {
  it.each([
    ['a stored message', undefined, '{"stream":"CRM_EVENTS","seq":42}', null],
    [
      'a duplicate (stored before)',
      undefined,
      '{"stream":"CRM_EVENTS","seq":42,"duplicate":true}',
      null,
    ],
    ['no stream on the subject', 503, '', 'no stream listens on the subject'],
    ['an empty reply', undefined, '', 'no ack (status none)'],
    [
      'a stream error',
      undefined,
      '{"error":{"code":503,"description":"resource limits exceeded"}}',
      'resource limits exceeded',
    ],
    ['an error without description', undefined, '{"error":{"code":400}}', 'error 400'],
    ['a reply that is not JSON', undefined, 'nope', 'an ack that is not JSON'],
    ['JSON naming no stream', undefined, '{"seq":1}', 'an ack that names no stream'],
  ])('%s', (_case, status, body, expected) => {
    expect(ackRefusal(status, body)).toBe(expected);
  });
});
