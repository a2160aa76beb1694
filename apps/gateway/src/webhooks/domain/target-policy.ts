import { BlockList, isIP } from 'node:net';

/**
 * Ranges a webhook may never reach unless the allow-list admits them (SSRF). One list per family:
 * a BlockList also matches IPv4 addresses against IPv4-mapped IPv6 subnets.
 */
const FORBIDDEN_V4 = new BlockList();
const FORBIDDEN_V6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  FORBIDDEN_V4.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::ffff:0:0', 96], // IPv4-mapped: would reach an IPv4 address around the IPv4 rules
  ['64:ff9b::', 96], // NAT64: same
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  FORBIDDEN_V6.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address (v4 or v6, no brackets) lies in a private, loopback, link-local, multicast or reserved range. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? FORBIDDEN_V4.check(address, 'ipv4') : FORBIDDEN_V6.check(address, 'ipv6');
}

/**
 * `WEBHOOK_ALLOWED_TARGETS`: comma-separated CIDRs, addresses and host names that webhooks may
 * reach although their addresses are forbidden (an internal receiver, tests). Empty: none.
 */
export class AllowedTargets {
  private readonly networks = new BlockList();
  private readonly hosts = new Set<string>();

  /** Throws a RangeError naming the first entry that is neither a CIDR, an address nor a host name. */
  constructor(list: string) {
    for (const entry of list.split(',').map((item) => item.trim().toLowerCase())) {
      if (entry === '') continue;
      const [address, prefix, ...rest] = entry.split('/');
      const family = isIP(address);
      if (family !== 0 && rest.length === 0) {
        const bits = family === 4 ? 32 : 128;
        const length =
          prefix === undefined ? bits : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
        if (!(length >= 0 && length <= bits))
          throw new RangeError(`"${entry}" has a prefix length outside 0–${bits}`);
        this.networks.addSubnet(address, length, family === 4 ? 'ipv4' : 'ipv6');
      } else if (
        prefix === undefined &&
        /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)
      ) {
        this.hosts.add(entry);
      } else {
        throw new RangeError(`"${entry}" is not a CIDR, an address or a host name`);
      }
    }
  }

  /** Whether a webhook to `host` may connect to `address` (one of the addresses `host` resolved to). */
  admits(host: string, address: string): boolean {
    if (this.hosts.has(host.toLowerCase())) return true;
    const family = isIP(address);
    if (family !== 0 && this.networks.check(address, family === 4 ? 'ipv4' : 'ipv6')) return true;
    return !isForbiddenAddress(address);
  }
}

/** Why a webhook URL is refused before any address is looked at, or null when its form is fine. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use http or https';
  if (url.username || url.password) return 'must not carry credentials';
  if (url.hash) return 'must not have a fragment';
  return null;
}

/** The host of a webhook URL as the resolver and the allow-list see it (IPv6 without brackets). */
export function targetHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}
