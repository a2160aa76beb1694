import { parseIp, type ClickClassification } from '@sales-suite/contracts/core';
import { isbot } from 'isbot';
import { SCANNER_AGENTS } from './open-classification';

/** What is known about one click when it is judged. */
export interface ClickSignals {
  /** A HEAD request: the link was checked, not followed. */
  head: boolean;
  userAgent: string;
  ip: string;
  clickedAt: Date;
  /** From the message's `delivered` event; null when no delivery event came (no timing rule then). */
  deliveredAt: Date | null;
  /** Other links of the same message clicked less than `siblingWindowMs` before or after this one. */
  otherLinksInWindow: number;
}

export interface ClickVerdict {
  classification: ClickClassification;
  reason: string;
}

export interface ClickThresholds {
  /** Any click this soon after delivery is a security gateway following links before delivery. */
  scannerSeconds: number;
  /** Several different links of one message clicked within this window: a scanner. */
  siblingWindowMs: number;
}

export const DEFAULT_CLICK_THRESHOLDS: ClickThresholds = {
  scannerSeconds: 30,
  siblingWindowMs: 1000,
};

/**
 * Agents of link checkers that look like no scanner vendor: Office's "existence discovery" of
 * links and Microsoft's link preview fetchers.
 */
const LINK_CHECKER_AGENTS =
  /Microsoft Office Existence Discovery|SkypeUriPreview|Microsoft Office Protocol Discovery/i;

/**
 * Networks security gateways follow links from (their published mail and URL-rewriting ranges).
 * Microsoft Safe Links and ATP send an ordinary browser agent, so only their network tells.
 */
export const SCANNER_NETWORKS: readonly { vendor: string; cidrs: readonly string[] }[] = [
  {
    vendor: 'Mimecast',
    cidrs: [
      '205.139.110.0/24',
      '205.139.111.0/24',
      '207.211.30.0/24',
      '207.211.31.0/25',
      '216.205.24.0/24',
      '170.10.128.0/22',
      '91.220.42.0/24',
      '146.101.78.0/24',
      '185.58.84.0/22',
    ],
  },
  { vendor: 'Proofpoint', cidrs: ['148.163.128.0/19', '67.231.144.0/20', '208.84.64.0/21'] },
  {
    vendor: 'Microsoft (Safe Links / Defender for Office 365)',
    cidrs: [
      '40.92.0.0/15',
      '40.107.0.0/16',
      '52.100.0.0/14',
      '104.47.0.0/17',
      '2a01:111:f400::/48',
      '2a01:111:f403::/48',
    ],
  },
  { vendor: 'Barracuda', cidrs: ['64.235.144.0/20', '209.222.80.0/21', '35.170.131.0/24'] },
  { vendor: 'Cisco IronPort / Secure Email', cidrs: ['68.232.128.0/19', '216.71.128.0/18'] },
];

type ParsedCidr = { version: 4 | 6; parts: number[]; bits: number; vendor: string };

const PARSED_NETWORKS: ParsedCidr[] = SCANNER_NETWORKS.flatMap(({ vendor, cidrs }) =>
  cidrs.map((cidr) => {
    const [address, bits] = cidr.split('/');
    const ip = parseIp(address);
    if (!ip) throw new Error(`Not a CIDR: ${cidr}`);
    return { ...ip, bits: Number(bits), vendor };
  }),
);

/** The scanner vendor whose network the address is in, or null. */
export function scannerNetwork(raw: string): string | null {
  const ip = parseIp(raw);
  if (!ip) return null;
  const width = ip.version === 4 ? 8 : 16;
  const match = PARSED_NETWORKS.find((network) => {
    if (network.version !== ip.version) return false;
    for (let bit = 0; bit < network.bits; bit += width) {
      const take = Math.min(width, network.bits - bit);
      const mask = ((1 << take) - 1) << (width - take);
      const part = bit / width;
      if ((ip.parts[part] & mask) !== (network.parts[part] & mask)) return false;
    }
    return true;
  });
  return match?.vendor ?? null;
}

/**
 * Judges one click. The first rule that matches wins: the request itself (HEAD), then named
 * machines (agent, network), then the general bot library, then timing. Everything that passes
 * is a human click.
 */
export function classifyClick(
  signals: ClickSignals,
  thresholds: ClickThresholds = DEFAULT_CLICK_THRESHOLDS,
): ClickVerdict {
  if (signals.head)
    return {
      classification: 'machine:scanner',
      reason: 'HEAD request (link checked, not followed)',
    };
  const ua = signals.userAgent.trim();
  if (ua === '') return { classification: 'machine:bot', reason: 'no user agent' };
  if (SCANNER_AGENTS.test(ua) || LINK_CHECKER_AGENTS.test(ua))
    return { classification: 'machine:scanner', reason: 'known security scanner user agent' };
  const vendor = scannerNetwork(signals.ip);
  if (vendor)
    return { classification: 'machine:scanner', reason: `fetched from ${vendor} network` };
  if (isbot(ua)) return { classification: 'machine:bot', reason: 'bot user agent (isbot)' };
  if (signals.deliveredAt) {
    const seconds = (signals.clickedAt.getTime() - signals.deliveredAt.getTime()) / 1000;
    if (seconds < thresholds.scannerSeconds)
      return {
        classification: 'machine:scanner',
        reason: `clicked ${Math.max(0, Math.round(seconds))} s after delivery`,
      };
  }
  if (signals.otherLinksInWindow > 0)
    return {
      classification: 'machine:scanner',
      reason: `${signals.otherLinksInWindow + 1} links of the message clicked within ${thresholds.siblingWindowMs / 1000} s`,
    };
  return { classification: 'human', reason: 'browser user agent, no machine signal' };
}

/** A click as the sibling rule sees it. */
export interface ClickInWindow {
  messageId: string;
  /** Any stable identity of the link (its URL, its row id). */
  link: string;
  at: Date;
}

/**
 * For each click of `clicks`, how many *other* links of its message were clicked within the
 * window before or after it, among `clicks` and the already recorded `recorded` ones (compared
 * pairwise within a message: one message's clicks in a batch are few).
 */
export function otherLinksInWindow(
  clicks: readonly ClickInWindow[],
  recorded: readonly ClickInWindow[],
  windowMs: number,
): number[] {
  const byMessage = new Map<string, ClickInWindow[]>();
  for (const click of [...clicks, ...recorded]) {
    const list = byMessage.get(click.messageId);
    if (list) list.push(click);
    else byMessage.set(click.messageId, [click]);
  }
  return clicks.map((click) => {
    const others = new Set<string>();
    for (const other of byMessage.get(click.messageId)!)
      if (other.link !== click.link && Math.abs(other.at.getTime() - click.at.getTime()) < windowMs)
        others.add(other.link);
    return others.size;
  });
}

/** The recorded clicks of one message that can be another link within the window of a batch. */
export interface SiblingProbe {
  messageId: string;
  /** Exclusive bounds: the window around the message's first and last click of the batch. */
  since: Date;
  until: Date;
  /**
   * The batch's only link of the message, when it has one: its recorded clicks can never be
   * another link for the batch, so they are not read (under load they are nearly all of them).
   */
  soleLink: string | null;
}

/** What to read of the recorded clicks for `otherLinksInWindow` on this batch: one probe per message. */
export function siblingProbes(clicks: readonly ClickInWindow[], windowMs: number): SiblingProbe[] {
  const probes = new Map<string, { first: number; last: number; links: Set<string> }>();
  for (const click of clicks) {
    const at = click.at.getTime();
    const probe = probes.get(click.messageId);
    if (!probe) {
      probes.set(click.messageId, { first: at, last: at, links: new Set([click.link]) });
      continue;
    }
    probe.first = Math.min(probe.first, at);
    probe.last = Math.max(probe.last, at);
    probe.links.add(click.link);
  }
  return [...probes].map(([messageId, { first, last, links }]) => ({
    messageId,
    since: new Date(first - windowMs),
    until: new Date(last + windowMs),
    soleLink: links.size === 1 ? [...links][0] : null,
  }));
}
