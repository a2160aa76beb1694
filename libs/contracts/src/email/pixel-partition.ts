import { truncateIp } from './network-source';

/**
 * Pixel hits are split into this many partitions by network source, so that every hit of one
 * source is classified by one email-tracking replica, in order (the burst rule counts a source's
 * recent fetches). Fixed: changing it moves sources between partitions while hits are in flight.
 * At most this many replicas record hits at once.
 */
export const PIXEL_HIT_PARTITIONS = 16;

/**
 * The partition of a hit: a stable hash (32-bit FNV-1a) of its truncated network (/24, /48), so
 * the gateway and every replica agree without talking. Hits with no readable IP have no source
 * (the burst rule does not apply to them) and all go to the partition of the empty string.
 */
export function pixelHitPartition(ip: string): number {
  const source = truncateIp(ip) ?? '';
  let hash = 0x811c9dc5;
  for (let index = 0; index < source.length; index++) {
    hash ^= source.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % PIXEL_HIT_PARTITIONS;
}
