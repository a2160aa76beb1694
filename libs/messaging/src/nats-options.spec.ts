import { natsConnectionOptions, prefixed, prefixedStreamName } from './nats-options';

describe('natsConnectionOptions', () => {
  it('reconnects forever, waits for the first connection, captures no stack per request', () => {
    const options = natsConnectionOptions(
      { NATS_URL: 'nats://a:4222,nats://b:4222' },
      'glossary-server',
    );
    expect(options).toMatchObject({
      servers: ['nats://a:4222', 'nats://b:4222'],
      name: 'glossary-server',
      maxReconnectAttempts: -1,
      waitOnFirstConnect: true,
      noAsyncTraces: true,
    });
    expect(options).not.toHaveProperty('user');
  });

  it('passes credentials only when a user is configured', () => {
    const options = natsConnectionOptions(
      { NATS_URL: 'nats://a:4222', NATS_USER: 'u', NATS_PASSWORD: 'p' },
      'x',
    );
    expect(options).toMatchObject({ user: 'u', pass: 'p' });
  });
});

describe('prefixes', () => {
  it('prefix subjects as given and stream names without dots', () => {
    expect(prefixed('', 'glossary.term.get')).toBe('glossary.term.get');
    expect(prefixed('e2e42.', 'glossary.term.get')).toBe('e2e42.glossary.term.get');
    expect(prefixedStreamName('', 'GLOSSARY_EVENTS')).toBe('GLOSSARY_EVENTS');
    expect(prefixedStreamName('e2e42.run.', 'GLOSSARY_EVENTS')).toBe('e2e42_run_GLOSSARY_EVENTS');
  });
});
