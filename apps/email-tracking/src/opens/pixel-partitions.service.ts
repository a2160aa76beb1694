import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import {
  EMAIL_PIXEL_HITS_STREAM,
  EmailPixelHitBatch,
  isEmailPixelHitBatch,
  PIXEL_HIT_PARTITIONS,
  pixelHitsSubject,
} from '@sales-suite/contracts';
import { JetStreamConsumerService } from '@sales-suite/messaging';
import { LEASE_RENEW_MS, LEASE_TTL_MS, LeaseKeeper } from '@sales-suite/persistence';
import { WakeableLoop } from '@sales-suite/platform';
import { OpenRecorderService, PartitionNotHeldError } from './open-recorder.service';
import { emailPixelPartitionsOwned } from './opens.metrics';
import { planPartitions } from '../domain/partition-share';
import { SourceBurstWindow } from '../domain/source-burst-window';

const MEMBER_LEASE_PREFIX = 'email-member:';
const PARTITION_LEASE_PREFIX = 'pixel-partition:';
/**
 * Each message carries up to 256 hits: a partition hands over up to 16 at a time (~4,000 hits),
 * and the recorder puts the batches of several partitions in one transaction. A transaction's
 * statements cost about the same whatever its size, and each message row is updated once per
 * transaction however many of its opens are in it, so bigger ones record a burst with less CPU.
 */
const MESSAGES_PER_BATCH = 16;
const BURST_WINDOW_MS = 10_000;
/** Sources remembered per partition: 50,000 for a replica that owns them all. */
const BURST_SOURCES_PER_PARTITION = Math.ceil(50_000 / PIXEL_HIT_PARTITIONS);

const partitionLease = (partition: number) => `${PARTITION_LEASE_PREFIX}${partition}`;
const partitionDurable = (partition: number) => `email-tracking-pixel-hits-p${partition}`;

/**
 * Records pixel hits partition by partition, each partition owned by one replica at a time, so
 * that every hit of a network source is classified by one replica, in stream order: the burst
 * rule then sees all of a source's recent fetches, however many replicas run.
 *
 * Ownership is a lease per partition (`pixel-partition:<n>`), kept alive by the LeaseKeeper.
 * Every replica also keeps a membership lease (`email-member:<replica>`) and, every second, moves
 * toward its fair share, ceil(partitions / live members) (`planPartitions`): above it, it stops
 * consuming and releases partitions; below it, it takes free ones. A dead replica's leases expire
 * after LEASE_TTL_MS, and its partitions are taken within about 13 s. The owner consumes the
 * partition's durable (`email-tracking-pixel-hits-p<n>`, one batch at a time) and records each
 * batch in a transaction fenced by the lease (one the other partitions' batches may share). A partition's burst window lives with its owner and
 * starts empty when the partition is taken (bursts already under way when ownership moves are
 * judged on what the new owner sees).
 */
@Injectable()
export class PixelPartitionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PixelPartitionsService.name);
  /** The partitions this replica consumes, with their burst windows. */
  private readonly owned = new Map<number, SourceBurstWindow>();
  /** Ownership changes happen one at a time, so a partition is never started while stopping. */
  private changes: Promise<void> = Promise.resolve();
  private failing = false;
  /** Moves toward the fair share every second; a failed pass is logged by `serially`. */
  private readonly balancing = new WakeableLoop(
    { name: PixelPartitionsService.name, idleMs: Math.min(1000, LEASE_RENEW_MS) },
    () => this.serially(() => this.balance()),
  );

  constructor(
    private readonly keeper: LeaseKeeper,
    private readonly consumers: JetStreamConsumerService,
    private readonly recorder: OpenRecorderService,
  ) {}

  onApplicationBootstrap(): void {
    this.keeper.want(`${MEMBER_LEASE_PREFIX}${this.keeper.leases.owner}`);
    this.keeper.onChange((name, held) => {
      if (held || !name.startsWith(PARTITION_LEASE_PREFIX)) return;
      this.logger.warn(`Lost ${name} (lease not renewed in time); stopped consuming it`);
      void this.serially(() => this.release(Number(name.slice(PARTITION_LEASE_PREFIX.length))));
    });
    this.balancing.start();
  }

  /** Stops consuming (the batches in hand are recorded first) and releases the partitions. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.balancing.stop();
    await this.serially(async () => {
      for (const partition of [...this.owned.keys()]) await this.release(partition);
    });
  }

  private async balance(): Promise<void> {
    const me = this.keeper.leases.owner;
    const [members, leases] = await Promise.all([
      this.keeper.leases.live(MEMBER_LEASE_PREFIX),
      this.keeper.leases.live(PARTITION_LEASE_PREFIX),
    ]);
    const owners = new Map<number, string>();
    for (const [name, owner] of leases)
      owners.set(Number(name.slice(PARTITION_LEASE_PREFIX.length)), owner);
    const plan = planPartitions({
      partitions: PIXEL_HIT_PARTITIONS,
      replicas: new Set([...members.values(), me]).size,
      mine: [...this.owned.keys()],
      owners,
      me,
    });
    for (const partition of plan.give) await this.release(partition);
    const taken: number[] = [];
    for (const partition of plan.free) {
      if (this.owned.size >= plan.share || this.balancing.stopping) break;
      if (!(await this.keeper.take(partitionLease(partition)))) continue;
      this.consume(partition);
      taken.push(partition);
    }
    if (plan.give.length > 0 || taken.length > 0)
      this.logger.log(
        `Pixel partitions: gave up [${plan.give.join(', ')}], took [${taken.join(', ')}], ` +
          `own ${this.owned.size} (share ${plan.share})`,
      );
  }

  private consume(partition: number): void {
    const lease = partitionLease(partition);
    const bursts = new SourceBurstWindow(BURST_WINDOW_MS, BURST_SOURCES_PER_PARTITION);
    this.owned.set(partition, bursts);
    emailPixelPartitionsOwned.set(this.owned.size);
    const durable = partitionDurable(partition);
    this.consumers.start<EmailPixelHitBatch>({
      stream: EMAIL_PIXEL_HITS_STREAM,
      durable,
      subject: pixelHitsSubject(partition),
      maxBatch: MESSAGES_PER_BATCH,
      ordered: true,
      // A dead owner's unacknowledged batches come back by the time its partition is taken over.
      ackWaitMs: LEASE_TTL_MS,
      accepts: isEmailPixelHitBatch,
      handleBatch: async (batches) => {
        try {
          await this.recorder.recordAll(
            batches.flatMap((batch) => batch.data.hits),
            { lease, bursts },
          );
        } catch (error) {
          if (error instanceof PartitionNotHeldError) {
            // Hand the batch back at once (not retried here), and let the partition go.
            void this.consumers.stop(durable);
            void this.serially(() => this.release(partition));
          }
          throw error;
        }
        return batches.map(() => 'processed' as const);
      },
    });
  }

  /** Stops consuming the partition (finishing the batch in hand), then gives its lease up. */
  private async release(partition: number): Promise<void> {
    if (!this.owned.delete(partition)) return;
    emailPixelPartitionsOwned.set(this.owned.size);
    await this.consumers.stop(partitionDurable(partition));
    await this.keeper.give(partitionLease(partition));
  }

  /** Queues an ownership change; resolves once it is done (a failure is logged, not thrown). */
  private serially(change: () => Promise<void>): Promise<void> {
    this.changes = this.changes.then(change).then(
      () => {
        this.failing = false;
      },
      (error: Error) => {
        if (!this.failing)
          this.logger.warn(`Pixel partition ownership will retry: ${error.message}`);
        this.failing = true;
      },
    );
    return this.changes;
  }
}
