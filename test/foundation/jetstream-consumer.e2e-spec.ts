import { ConfigService } from '@nestjs/config';
import {
  ConsumedEvent,
  JetStreamConsumerService,
  NatsClientService,
  prefixed,
  prefixedStreamName,
} from '@sales-suite/messaging';
import { AckPolicy } from 'nats';
import { randomBytes } from 'node:crypto';
import { e2eRun } from '../support/test-env';
import { eventually } from '../support/eventually';

interface Job {
  n: number;
  poison?: boolean;
}

const isJob = (data: unknown): data is Job =>
  typeof data === 'object' && data !== null && typeof (data as Job).n === 'number';

// The shared durable consumer against the real NATS server: what the services rely on.
describe('JetStreamConsumerService (shared durable consumer)', () => {
  const prefix = `${e2eRun().subjectPrefix}consumer${randomBytes(3).toString('hex')}.`;
  const settings: Record<string, unknown> = {
    NATS_URL: e2eRun().natsUrl,
    NATS_SUBJECT_PREFIX: prefix,
  };
  const nats = new NatsClientService(
    { get: (key: string) => settings[key] } as unknown as ConfigService<never, true>,
    { serviceName: 'consumer-test' },
  );
  const consumers = new JetStreamConsumerService(nats);
  const stream = {
    name: 'CONSUMER_TEST',
    subjects: ['consumer.test.>', 'consumer.legacy.>', 'consumer.handover.>', 'consumer.ordered.>'],
  };
  const handled: ConsumedEvent<Job>[] = [];
  const batchSizes: number[] = [];
  let poisonFails = true;

  const streamName = prefixedStreamName(prefix, stream.name);

  beforeAll(async () => {
    nats.onModuleInit();
    await nats.connected();
    const manager = await nats.jetstreamManager();
    consumers.start<Job>({
      stream,
      durable: 'consumer-test',
      subject: 'consumer.test.>',
      maxBatch: 8,
      accepts: isJob,
      handleBatch: async (events) => {
        batchSizes.push(events.length);
        if (poisonFails && events.some((event) => event.data.poison))
          throw new Error('cannot handle the poison message yet');
        handled.push(...events);
        return events.map(() => 'processed' as const);
      },
    });
    // The consumer creates the stream and its durable consumer; publish once both exist.
    const durable = `${prefix.replace(/\./g, '_')}consumer-test`;
    let ready = false;
    while (!ready) {
      ready = await manager.consumers.info(streamName, durable).then(
        () => true,
        () => false,
      );
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    await consumers.onApplicationShutdown();
    const manager = await nats.jetstreamManager();
    await manager.streams.delete(streamName).catch(() => false);
    await nats.onApplicationShutdown();
  });

  const publish = async (payload: string, id: string) => {
    await nats.jetstream().publish(prefixed(prefix, 'consumer.test.job'), payload, { msgID: id });
  };

  it('hands over batches, isolates a failing message so the others go through, and retries it until it succeeds', async () => {
    for (let n = 1; n <= 10; n++) await publish(JSON.stringify({ n, poison: n === 4 }), `job-${n}`);
    await eventually(() => handled.length === 9, { timeoutMs: 15_000, intervalMs: 50 });
    expect(handled.map((event) => event.data.n).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 5, 6, 7, 8, 9, 10,
    ]);
    expect(handled.every((event) => event.subject === 'consumer.test.job')).toBe(true);
    expect(handled.find((event) => event.data.n === 1)?.messageId).toBe('job-1');
    poisonFails = false;
    await eventually(() => handled.some((event) => event.data.n === 4), {
      timeoutMs: 15_000,
      intervalMs: 50,
    });
    const poison = handled.find((event) => event.data.n === 4)!;
    expect(poison.deliveryCount).toBeGreaterThan(1);
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(8);
  });

  it('terminates messages it can never handle (not JSON, or not accepted) instead of retrying them', async () => {
    const before = handled.length;
    const sizesBefore = batchSizes.length;
    await publish('{not json', 'bad-1');
    await publish(JSON.stringify({ unexpected: true }), 'bad-2');
    await publish(JSON.stringify({ n: 11 }), 'job-11');
    await eventually(() => handled.length === before + 1, { timeoutMs: 15_000, intervalMs: 50 });
    expect(handled.at(-1)?.data.n).toBe(11);
    // Neither bad message ever reached the handler, and nothing is waiting to be redelivered.
    expect(batchSizes.slice(sizesBefore).reduce((sum, size) => sum + size, 0)).toBe(1);
    const manager = await nats.jetstreamManager();
    const info = await manager.consumers.info(
      streamName,
      `${prefix.replace(/\./g, '_')}consumer-test`,
    );
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
    expect(info.config.max_deliver).toBe(-1);
  });

  it('brings a durable created with a delivery limit up to date instead of failing to start', async () => {
    const manager = await nats.jetstreamManager();
    const durable = `${prefix.replace(/\./g, '_')}consumer-legacy`;
    await manager.consumers.add(streamName, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      filter_subject: prefixed(prefix, 'consumer.legacy.>'),
      max_deliver: 20,
    });
    const legacy = new JetStreamConsumerService(nats);
    const seen: number[] = [];
    legacy.start<Job>({
      stream,
      durable: 'consumer-legacy',
      subject: 'consumer.legacy.>',
      accepts: isJob,
      handleBatch: async (events) => {
        seen.push(...events.map((event) => event.data.n));
        return events.map(() => 'processed' as const);
      },
    });
    await nats
      .jetstream()
      .publish(prefixed(prefix, 'consumer.legacy.job'), JSON.stringify({ n: 1 }));
    await eventually(() => seen.length === 1, { timeoutMs: 15_000, intervalMs: 50 });
    expect((await manager.consumers.info(streamName, durable)).config.max_deliver).toBe(-1);
    await legacy.onApplicationShutdown();
  });

  it('stops one consumer on its own: the batch in hand is acked, the rest goes to the next consumer', async () => {
    const handover = {
      stream,
      durable: 'consumer-handover',
      subject: 'consumer.handover.>',
      maxBatch: 1,
      // Short, so that a message the stopped consumer did not ack would come back during the test.
      ackWaitMs: 2_000,
      accepts: isJob,
    };
    const first = new JetStreamConsumerService(nats);
    const firstSeen: number[] = [];
    let finish!: () => void;
    const inHand = new Promise<void>((resolve) => (finish = resolve));
    first.start<Job>({
      ...handover,
      handleBatch: async (events) => {
        firstSeen.push(...events.map((event) => event.data.n));
        await inHand;
        return events.map(() => 'processed' as const);
      },
    });
    for (let n = 1; n <= 5; n++)
      await nats
        .jetstream()
        .publish(prefixed(prefix, 'consumer.handover.job'), JSON.stringify({ n }));
    await eventually(() => firstSeen.length === 1, { timeoutMs: 15_000, intervalMs: 50 });
    const stopped = first.stop('consumer-handover');
    finish();
    await stopped;

    const second = new JetStreamConsumerService(nats);
    const secondSeen: number[] = [];
    second.start<Job>({
      ...handover,
      handleBatch: async (events) => {
        secondSeen.push(...events.map((event) => event.data.n));
        return events.map(() => 'processed' as const);
      },
    });
    await eventually(() => new Set(secondSeen).size >= 4, { timeoutMs: 10_000, intervalMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(firstSeen).toEqual([1]);
    // Every other job reaches the next consumer (a message on its way to the stopped one may be
    // delivered again), and the job the stopped consumer finished is never delivered again.
    expect([...new Set(secondSeen)].sort((a, b) => a - b)).toEqual([2, 3, 4, 5]);
    await second.onApplicationShutdown();
  });

  it('keeps the stream order when ordered: a failing batch is retried before anything after it', async () => {
    const ordered = new JetStreamConsumerService(nats);
    const seen: number[] = [];
    let failures = 2;
    ordered.start<Job>({
      stream,
      durable: 'consumer-ordered',
      subject: 'consumer.ordered.>',
      maxBatch: 1,
      ordered: true,
      accepts: isJob,
      handleBatch: async (events) => {
        if (events[0].data.n === 1 && failures-- > 0) throw new Error('not yet');
        seen.push(...events.map((event) => event.data.n));
        return events.map(() => 'processed' as const);
      },
    });
    for (let n = 1; n <= 4; n++)
      await nats
        .jetstream()
        .publish(prefixed(prefix, 'consumer.ordered.job'), JSON.stringify({ n }));
    await eventually(() => seen.length >= 4, { timeoutMs: 15_000, intervalMs: 50 });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(failures).toBeLessThan(0);
    await ordered.onApplicationShutdown();
  });
});
