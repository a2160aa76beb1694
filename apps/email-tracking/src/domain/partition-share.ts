/** What one replica sees of the partitions' ownership when it rebalances. */
export interface PartitionView {
  partitions: number;
  /** Live replicas (membership leases), this one included. */
  replicas: number;
  /** Partitions this replica consumes now. */
  mine: readonly number[];
  /** Live partition leases: partition → owner. */
  owners: ReadonlyMap<number, string>;
  me: string;
}

export interface PartitionPlan {
  /** ceil(partitions / replicas): the most partitions this replica should own. */
  share: number;
  /** Partitions to give up, when above the share. */
  give: number[];
  /** Partitions to try to take, in order, until the share is reached (others may win some). */
  free: number[];
}

/**
 * How a replica moves toward its fair share of the partitions: above it, it gives up its
 * highest-numbered ones; below it, it tries the free ones (no live lease, or a lease still in its
 * own name from before a restart). Every replica applies the same rule, so ownership settles at
 * most `share` per replica with every partition owned; a dead owner's partitions become free when
 * its leases expire.
 */
export function planPartitions(view: PartitionView): PartitionPlan {
  const share = Math.ceil(view.partitions / Math.max(1, view.replicas));
  const mine = [...view.mine].sort((a, b) => a - b);
  if (mine.length > share) return { share, give: mine.slice(share), free: [] };
  if (mine.length === share) return { share, give: [], free: [] };
  const owned = new Set(mine);
  const free: number[] = [];
  for (let partition = 0; partition < view.partitions; partition++) {
    const owner = view.owners.get(partition);
    if (!owned.has(partition) && (owner === undefined || owner === view.me)) free.push(partition);
  }
  return { share, give: [], free };
}
