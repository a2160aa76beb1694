import { isAppleNetwork, type OpenClassification } from '@sales-suite/contracts/core';
import { isbot } from 'isbot';

/** What is known about one pixel fetch when it is judged. */
export interface OpenSignals {
  userAgent: string;
  ip: string;
  openedAt: Date;
  /** From the message's `delivered` event; null when no delivery event came (no timing rule then). */
  deliveredAt: Date | null;
  /** Distinct messages fetched from the same network source within the burst window, this one included. */
  messagesFromSourceInWindow: number;
}

export interface OpenVerdict {
  classification: OpenClassification;
  reason: string;
}

export interface ClassificationThresholds {
  /** An image proxy fetching this soon after delivery is prefetching, not showing the email. */
  proxyPrefetchSeconds: number;
  /** Any fetch this soon after delivery is a security scanner (people do not read that fast). */
  scannerSeconds: number;
  /** This many different messages from one /24 (/48) within the burst window is a scanner. */
  burstMessages: number;
}

export const DEFAULT_THRESHOLDS: ClassificationThresholds = {
  proxyPrefetchSeconds: 120,
  scannerSeconds: 10,
  burstMessages: 5,
};

/** Security gateways that fetch every image of inbound mail before anyone sees it. */
export const SCANNER_AGENTS =
  /mimecast|proofpoint|urldefense|barracuda|messagelabs|symantec|ironport|forcepoint|trend ?micro|sophos|fortimail|fortiguard|zscaler|safelinks|avanan|bitdefender|cisco-secure-email/i;

/** Mail providers' image proxies: they fetch on the reader's behalf, or prefetch on delivery. */
const IMAGE_PROXIES = /GoogleImageProxy|YahooMailProxy|Outlook-Image-Proxy/i;

/** Apple Mail Privacy Protection fetches with this bare agent (and from Apple's network). */
const APPLE_MPP_AGENT = 'Mozilla/5.0';

function secondsBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 1000;
}

/**
 * What a user agent alone says about a fetch, by the first of the agent rules of `classifyOpen`
 * that matches: the same for every hit with that agent, so a batch judges each agent once.
 */
export type AgentKind = 'none' | 'apple_mpp' | 'scanner' | 'image_proxy' | 'bot' | 'client';

export function agentKind(userAgent: string): AgentKind {
  const ua = userAgent.trim();
  if (ua === '') return 'none';
  if (ua === APPLE_MPP_AGENT) return 'apple_mpp';
  if (SCANNER_AGENTS.test(ua)) return 'scanner';
  if (IMAGE_PROXIES.test(ua)) return 'image_proxy';
  return isbot(ua) ? 'bot' : 'client';
}

/** The signals of one open with its agent and network already judged (`agentKind`, `isAppleNetwork`). */
export interface JudgedSignals extends Omit<OpenSignals, 'userAgent' | 'ip'> {
  agent: AgentKind;
  appleNetwork: boolean;
}

/**
 * Judges one open. The first rule that matches wins; the order puts the most specific evidence
 * first (Apple's network, a named scanner, a named proxy) before the general bot library and the
 * timing rules. Everything that passes is a human open.
 */
export function classifyOpen(
  signals: OpenSignals,
  thresholds: ClassificationThresholds = DEFAULT_THRESHOLDS,
): OpenVerdict {
  const { userAgent, ip, ...rest } = signals;
  return classifyJudged(
    { ...rest, agent: agentKind(userAgent), appleNetwork: isAppleNetwork(ip) },
    thresholds,
  );
}

/** `classifyOpen` for signals whose agent and network are judged already. */
export function classifyJudged(
  signals: JudgedSignals,
  thresholds: ClassificationThresholds = DEFAULT_THRESHOLDS,
): OpenVerdict {
  const { agent } = signals;
  if (agent === 'none') return { classification: 'machine:bot', reason: 'no user agent' };
  if (signals.appleNetwork)
    return {
      classification: 'machine:apple_mpp',
      reason: 'fetched from Apple network (Mail Privacy Protection)',
    };
  if (agent === 'apple_mpp')
    return {
      classification: 'machine:apple_mpp',
      reason: 'bare "Mozilla/5.0" agent of Mail Privacy Protection',
    };
  if (agent === 'scanner')
    return { classification: 'machine:scanner', reason: 'known security scanner user agent' };
  const sinceDelivery = signals.deliveredAt
    ? secondsBetween(signals.deliveredAt, signals.openedAt)
    : null;
  if (agent === 'image_proxy') {
    if (sinceDelivery !== null && sinceDelivery < thresholds.proxyPrefetchSeconds)
      return {
        classification: 'machine:proxy_prefetch',
        reason: `image proxy fetched ${Math.round(sinceDelivery)} s after delivery (prefetch)`,
      };
    return { classification: 'human', reason: 'image proxy fetching for a reader' };
  }
  if (agent === 'bot') return { classification: 'machine:bot', reason: 'bot user agent (isbot)' };
  if (sinceDelivery !== null && sinceDelivery < thresholds.scannerSeconds)
    return {
      classification: 'machine:scanner',
      reason: `opened ${Math.round(sinceDelivery)} s after delivery`,
    };
  if (signals.messagesFromSourceInWindow >= thresholds.burstMessages)
    return {
      classification: 'machine:scanner',
      reason: `${signals.messagesFromSourceInWindow} messages opened at once from one network`,
    };
  return { classification: 'human', reason: 'mail client user agent, no machine signal' };
}

const UA_FAMILIES: [RegExp, string][] = [
  [/GoogleImageProxy/i, 'Gmail image proxy'],
  [/YahooMailProxy/i, 'Yahoo image proxy'],
  [/Thunderbird\//, 'Thunderbird'],
  [/Microsoft Outlook|ms-office|MSOffice/i, 'Outlook'],
  [SCANNER_AGENTS, 'security scanner'],
  [/Edg\//, 'Edge'],
  [/Chrome\//, 'Chrome'],
  [/Firefox\//, 'Firefox'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
  // Apple Mail (macOS and iOS) embeds WebKit without a browser token.
  [/AppleWebKit\/[\d.]+ \(KHTML, like Gecko\)(?:$| Mobile\/)/, 'Apple Mail'],
  [/^curl\//i, 'curl'],
];

/** The coarse client family kept instead of the user agent. */
export function userAgentFamily(userAgent: string): string {
  const ua = userAgent.trim();
  if (ua === '') return 'unknown';
  if (ua === APPLE_MPP_AGENT) return 'Apple Mail Privacy Protection';
  const family = UA_FAMILIES.find(([pattern]) => pattern.test(ua));
  if (family) return family[1];
  return isbot(ua) ? 'bot' : 'other';
}
