import { parseIp } from '@sales-suite/contracts';
import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** One entry of a CIDR list: an address with an optional prefix length (`10.0.0.0/8`, `::1`). */
function addEntry(list: BlockList, entry: string): void {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  if (!family || rest.length > 0) throw new RangeError(`"${entry}" is not an address or CIDR`);
  const bits = family === 'ipv4' ? 32 : 128;
  if (prefix === undefined) return list.addAddress(address, family);
  const length = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(length >= 0 && length <= bits))
    throw new RangeError(`"${entry}" has a prefix length outside 0–${bits}`);
  list.addSubnet(address, length, family);
}

/**
 * The peers whose `X-Forwarded-For` is believed (the ingress, a load balancer): a comma-separated
 * list of IPv4 and IPv6 addresses and CIDRs. An IPv4-mapped IPv6 peer (`::ffff:10.0.0.1`, what a
 * dual-stack socket reports) matches the IPv4 entries. Empty: nobody is trusted.
 */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly empty: boolean;

  /** Throws a RangeError naming the first entry that is not an address or CIDR. */
  constructor(cidrs: string) {
    const entries = cidrs
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0);
    for (const entry of entries) addEntry(this.list, entry);
    this.empty = entries.length === 0;
  }

  has(address: string): boolean {
    if (this.empty) return false;
    if (isIPv4(address)) return this.list.check(address, 'ipv4');
    return isIPv6(address) && this.list.check(address, 'ipv6');
  }
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy, in which case the
 * address it forwarded for (the last `X-Forwarded-For` entry), and so on leftwards while each hop
 * is trusted — the walk Fastify's `trustProxy` does, for listeners that are not Fastify's. Entries
 * left of the first untrusted hop were written by the client and are ignored.
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | string[] | undefined,
  proxies: TrustedProxies,
): string {
  let address = socketAddress;
  if (proxies.empty || forwardedFor === undefined) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0);
  while (hops.length > 0 && proxies.has(address)) address = hops.pop()!;
  return address;
}

/**
 * What failed authentications are counted against: an IPv4 address as it is (an IPv4-mapped IPv6
 * one unmapped), an IPv6 address by its /64, since one subscriber is handed a whole /64 and could
 * otherwise take a fresh address for every try.
 */
export function clientNetwork(address: string): string {
  const ip = parseIp(address);
  if (!ip) return address;
  if (ip.version === 4) return ip.parts.join('.');
  return `${ip.parts
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
