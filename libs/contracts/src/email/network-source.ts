import { isIPv4, isIPv6 } from 'node:net';

/** An IPv4 address as 4 octets, or IPv6 as 8 groups; IPv4-mapped IPv6 counts as IPv4. */
export type ParsedIp = { version: 4; parts: number[] } | { version: 6; parts: number[] };

export function parseIp(raw: string): ParsedIp | null {
  const ip = raw.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return parseIp(mapped[1]);
  if (isIPv4(ip)) return { version: 4, parts: ip.split('.').map(Number) };
  if (!isIPv6(ip)) return null;
  const [head, tail = ''] = ip.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = ip.includes('::') && tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::1.2.3.4) is two groups; no address worth keeping looks like that.
  if ([...headGroups, ...tailGroups].some((group) => group.includes('.'))) return null;
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return { version: 6, parts: groups.map((group) => parseInt(group, 16)) };
}

/**
 * What is kept of an IP after the verdict: the /24 network of an IPv4 address, the /48 of an
 * IPv6 one (a site, never a person's device). Null when the input is not an IP.
 */
export function truncateIp(raw: string): string | null {
  const ip = parseIp(raw);
  if (!ip) return null;
  if (ip.version === 4) return `${ip.parts.slice(0, 3).join('.')}.0/24`;
  return `${ip.parts
    .slice(0, 3)
    .map((group) => group.toString(16))
    .join(':')}::/48`;
}

/** Apple's own network (17.0.0.0/8, 2620:149::/32, 2a01:b740::/32), where Mail Privacy Protection fetches from. */
export function isAppleNetwork(raw: string): boolean {
  const ip = parseIp(raw);
  if (!ip) return false;
  if (ip.version === 4) return ip.parts[0] === 17;
  return (
    (ip.parts[0] === 0x2620 && ip.parts[1] === 0x149) ||
    (ip.parts[0] === 0x2a01 && ip.parts[1] === 0xb740)
  );
}
