import { ConfigService } from '@nestjs/config';
import { NatsClientService, prefixedStreamName, publishToJetStream } from '@sales-suite/messaging';
import { randomBytes } from 'node:crypto';
import { e2eRun } from '../support/test-env';

// The outbox relay's publish path against the real NATS server: order, acks, duplicates, refusals.
describe('publishToJetStream', () => {
  const prefix = `${e2eRun().subjectPrefix}batch${randomBytes(3).toString('hex')}.`;
  const settings: Record<string, unknown> = {
    NATS_URL: e2eRun().natsUrl,
    NATS_SUBJECT_PREFIX: prefix,
    NATS_STREAM_REPLICAS: 1,
  };
  const nats = new NatsClientService(
    { get: (key: string) => settings[key] } as unknown as ConfigService<never, true>,
    { serviceName: 'batch-publish-test' },
  );
  const streamName = prefixedStreamName(prefix, 'BATCH_TEST');
  const messages = Array.from({ length: 300 }, (_, n) => ({
    subject: `${prefix}batch.test.${n % 3}`,
    data: JSON.stringify({ n }),
    msgID: `message-${n}`,
    headers: { traceparent: `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01` },
  }));

  beforeAll(async () => {
    nats.onModuleInit();
    await nats.connected();
    await nats.ensureStream({ name: 'BATCH_TEST', subjects: ['batch.test.>'] });
  });

  afterAll(async () => {
    const manager = await nats.jetstreamManager();
    await manager.streams.delete(streamName).catch(() => false);
    await nats.onApplicationShutdown();
  });

  it('stores a batch in the order given, with its headers; a batch sent again adds nothing', async () => {
    await publishToJetStream(nats.connection, messages);
    await publishToJetStream(nats.connection, messages.slice(0, 50));
    const manager = await nats.jetstreamManager();
    const info = await manager.streams.info(streamName);
    expect(info.state.messages).toBe(300);
    const stored = await Promise.all(
      [1, 2, 150, 300].map((seq) => manager.streams.getMessage(streamName, { seq })),
    );
    expect(stored.map((message) => message.json<{ n: number }>().n)).toEqual([0, 1, 149, 299]);
    expect(stored[2].header.get('traceparent')).toBe(messages[0].headers.traceparent);
    expect(stored[2].header.get('Nats-Msg-Id')).toBe('message-149');
  });

  it('rejects a batch that holds a message no stream takes', async () => {
    await expect(
      publishToJetStream(nats.connection, [
        messages[0],
        { subject: `${prefix}nowhere.test`, data: '{}', msgID: 'lost' },
      ]),
    ).rejects.toThrow(/no stream listens/);
  });
});
