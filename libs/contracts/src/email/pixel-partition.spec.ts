import { PIXEL_HIT_PARTITIONS, pixelHitPartition } from './pixel-partition';

describe('pixelHitPartition', () => {
  it.each([
    ['the same /24', '203.0.113.5', '203.0.113.250'],
    ['IPv4 and IPv4-mapped IPv6 of one /24', '198.51.100.7', '::ffff:198.51.100.200'],
    ['surrounding spaces', ' 198.51.100.7 ', '198.51.100.8'],
    ['the same /48', '2001:db8:abcd:1::1', '2001:db8:abcd:ffff:1:2:3:4'],
    ['two spellings of one /48', '2001:0db8:0000:0012::1', '2001:db8::5'],
    ['unreadable addresses', 'not-an-ip', ''],
  ])('puts %s in one partition', (_case, a, b) => {
    expect(pixelHitPartition(a)).toBe(pixelHitPartition(b));
  });

  it('is stable: the same source always lands in the same partition (gateway and service agree)', () => {
    // Pinned values: a change here moves sources between partitions while hits are in flight.
    expect(
      ['203.0.113.5', '198.51.100.7', '10.0.0.1', '2001:db8:abcd::1', 'garbage'].map(
        pixelHitPartition,
      ),
    ).toEqual([0, 11, 9, 7, 5]);
  });

  it('stays within 0 … PIXEL_HIT_PARTITIONS - 1 and spreads sources evenly', () => {
    const counts = new Array<number>(PIXEL_HIT_PARTITIONS).fill(0);
    const sources = 4096;
    for (let i = 0; i < sources; i++) {
      const v4 = pixelHitPartition(`10.${i >> 8}.${i & 255}.1`);
      const v6 = pixelHitPartition(`2001:db8:${i.toString(16)}::1`);
      for (const partition of [v4, v6]) {
        expect(Number.isInteger(partition)).toBe(true);
        expect(partition).toBeGreaterThanOrEqual(0);
        expect(partition).toBeLessThan(PIXEL_HIT_PARTITIONS);
        counts[partition]++;
      }
    }
    const expected = (2 * sources) / PIXEL_HIT_PARTITIONS;
    for (const count of counts) {
      expect(count).toBeGreaterThan(expected * 0.8);
      expect(count).toBeLessThan(expected * 1.2);
    }
  });

  it('separates neighbouring networks', () => {
    const partitions = new Set(
      Array.from({ length: 64 }, (_, i) => pixelHitPartition(`203.0.${i}.9`)),
    );
    expect(partitions.size).toBeGreaterThan(PIXEL_HIT_PARTITIONS / 2);
  });
});
