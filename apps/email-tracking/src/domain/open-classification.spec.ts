import {
  agentKind,
  AgentKind,
  classifyOpen,
  OpenSignals,
  userAgentFamily,
} from './open-classification';

/** Real user agents, as seen in mail logs. */
const UA = {
  appleMail:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
  appleMailIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  appleMpp: 'Mozilla/5.0',
  gmailProxy:
    'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  yahooProxy: 'YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html',
  outlookDesktop: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)',
  outlookLegacy: 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)',
  thunderbird: 'Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0',
  chrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
  firefox: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
  safari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  mimecast: 'Mozilla/5.0 (compatible; Mimecast URL Protect)',
  proofpoint: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Proofpoint URL Defense',
  barracuda: 'Barracuda Sentinel (EE)',
  curl: 'curl/8.5.0',
  pythonRequests: 'python-requests/2.31.0',
  headless:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
  googlebot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
};

const DELIVERED = new Date('2026-11-20T09:00:00Z');
const secondsAfterDelivery = (s: number) => new Date(DELIVERED.getTime() + s * 1000);
const HOME_IP = '203.0.113.50';
const APPLE_IP = '17.58.101.4';

function signals(overrides: Partial<OpenSignals>): OpenSignals {
  return {
    userAgent: UA.thunderbird,
    ip: HOME_IP,
    openedAt: secondsAfterDelivery(3600),
    deliveredAt: DELIVERED,
    messagesFromSourceInWindow: 1,
    ...overrides,
  };
}

describe('classifyOpen', () => {
  it.each<[string, Partial<OpenSignals>, string, string]>([
    // people reading mail
    ['Thunderbird an hour later', {}, 'human', 'no machine signal'],
    ['Outlook desktop', { userAgent: UA.outlookDesktop }, 'human', 'no machine signal'],
    ['legacy Outlook', { userAgent: UA.outlookLegacy }, 'human', 'no machine signal'],
    ['Apple Mail from a home network', { userAgent: UA.appleMail }, 'human', 'no machine signal'],
    ['Apple Mail on iOS', { userAgent: UA.appleMailIos }, 'human', 'no machine signal'],
    ['Chrome webmail', { userAgent: UA.chrome }, 'human', 'no machine signal'],
    ['Edge webmail', { userAgent: UA.edge }, 'human', 'no machine signal'],
    ['IPv6 reader', { userAgent: UA.firefox, ip: '2001:db8:1::7' }, 'human', 'no machine signal'],
    [
      'no delivery event: no timing rule',
      { deliveredAt: null, openedAt: DELIVERED },
      'human',
      'no machine signal',
    ],
    [
      'Gmail proxy long after delivery',
      { userAgent: UA.gmailProxy },
      'human',
      'image proxy fetching for a reader',
    ],
    [
      'Gmail proxy without delivery time',
      { userAgent: UA.gmailProxy, deliveredAt: null },
      'human',
      'image proxy',
    ],
    [
      'Yahoo proxy after 10 minutes',
      { userAgent: UA.yahooProxy, openedAt: secondsAfterDelivery(600) },
      'human',
      'image proxy',
    ],
    // Apple Mail Privacy Protection
    [
      'Apple Mail UA from Apple network',
      { userAgent: UA.appleMail, ip: APPLE_IP },
      'machine:apple_mpp',
      'Apple network',
    ],
    [
      'bare Mozilla/5.0 anywhere',
      { userAgent: UA.appleMpp },
      'machine:apple_mpp',
      'bare "Mozilla/5.0"',
    ],
    [
      'Apple IPv6 network',
      { userAgent: UA.appleMailIos, ip: '2a01:b740:a41::5' },
      'machine:apple_mpp',
      'Apple network',
    ],
    ['IPv4-mapped Apple address', { ip: '::ffff:17.1.2.3' }, 'machine:apple_mpp', 'Apple network'],
    // image proxies prefetching
    [
      'Gmail proxy 30 s after delivery',
      { userAgent: UA.gmailProxy, openedAt: secondsAfterDelivery(30) },
      'machine:proxy_prefetch',
      'fetched 30 s after delivery',
    ],
    [
      'Yahoo proxy 1 s after delivery',
      { userAgent: UA.yahooProxy, openedAt: secondsAfterDelivery(1) },
      'machine:proxy_prefetch',
      'prefetch',
    ],
    // security scanners
    ['Mimecast agent', { userAgent: UA.mimecast }, 'machine:scanner', 'known security scanner'],
    ['Proofpoint agent', { userAgent: UA.proofpoint }, 'machine:scanner', 'known security scanner'],
    ['Barracuda agent', { userAgent: UA.barracuda }, 'machine:scanner', 'known security scanner'],
    [
      'browser agent 2 s after delivery',
      { userAgent: UA.chrome, openedAt: secondsAfterDelivery(2) },
      'machine:scanner',
      'opened 2 s after delivery',
    ],
    [
      'fetched before the delivery event time',
      { openedAt: secondsAfterDelivery(-5) },
      'machine:scanner',
      'opened -5 s after delivery',
    ],
    [
      'six messages at once from one network',
      { messagesFromSourceInWindow: 6 },
      'machine:scanner',
      '6 messages opened at once',
    ],
    [
      'exactly the burst threshold',
      { messagesFromSourceInWindow: 5 },
      'machine:scanner',
      '5 messages',
    ],
    // bots, by the isbot library
    ['curl', { userAgent: UA.curl }, 'machine:bot', 'isbot'],
    ['python-requests', { userAgent: UA.pythonRequests }, 'machine:bot', 'isbot'],
    ['headless Chrome', { userAgent: UA.headless }, 'machine:bot', 'isbot'],
    ['Googlebot', { userAgent: UA.googlebot }, 'machine:bot', 'isbot'],
    [
      'curl 1 s after delivery (bot beats timing)',
      { userAgent: UA.curl, openedAt: secondsAfterDelivery(1) },
      'machine:bot',
      'isbot',
    ],
    ['empty agent', { userAgent: '' }, 'machine:bot', 'no user agent'],
    ['blank agent', { userAgent: '   ' }, 'machine:bot', 'no user agent'],
  ])('%s → %s', (_name, overrides, classification, reason) => {
    const verdict = classifyOpen(signals(overrides));
    expect(verdict.classification).toBe(classification);
    expect(verdict.reason).toContain(reason);
  });

  it('just under the burst threshold and just past the scanner window stay human', () => {
    expect(
      classifyOpen(signals({ messagesFromSourceInWindow: 4, openedAt: secondsAfterDelivery(10) })),
    ).toMatchObject({ classification: 'human' });
  });

  it('uses the thresholds it is given', () => {
    const strict = { proxyPrefetchSeconds: 7200, scannerSeconds: 60, burstMessages: 2 };
    expect(classifyOpen(signals({ userAgent: UA.gmailProxy }), strict).classification).toBe(
      'machine:proxy_prefetch',
    );
    expect(
      classifyOpen(signals({ openedAt: secondsAfterDelivery(30) }), strict).classification,
    ).toBe('machine:scanner');
    expect(classifyOpen(signals({ messagesFromSourceInWindow: 2 }), strict).classification).toBe(
      'machine:scanner',
    );
  });
});

describe('agentKind', () => {
  it.each<[string, string, AgentKind]>([
    ['no agent', '  ', 'none'],
    ['the bare agent of Mail Privacy Protection', UA.appleMpp, 'apple_mpp'],
    ['a named scanner', UA.mimecast, 'scanner'],
    ['a scanner that also looks like a bot', UA.barracuda, 'scanner'],
    ['an image proxy', UA.gmailProxy, 'image_proxy'],
    ['a bot', UA.googlebot, 'bot'],
    ['a script', UA.pythonRequests, 'bot'],
    ['a mail client', UA.outlookDesktop, 'client'],
    ['a browser', UA.chrome, 'client'],
  ])('%s', (_, userAgent, expected) => {
    expect(agentKind(userAgent)).toBe(expected);
  });
});

describe('userAgentFamily', () => {
  it.each([
    [UA.appleMail, 'Apple Mail'],
    [UA.appleMailIos, 'Apple Mail'],
    [UA.appleMpp, 'Apple Mail Privacy Protection'],
    [UA.gmailProxy, 'Gmail image proxy'],
    [UA.yahooProxy, 'Yahoo image proxy'],
    [UA.outlookDesktop, 'Outlook'],
    [UA.outlookLegacy, 'Outlook'],
    [UA.thunderbird, 'Thunderbird'],
    [UA.chrome, 'Chrome'],
    [UA.edge, 'Edge'],
    [UA.firefox, 'Firefox'],
    [UA.safari, 'Safari'],
    [UA.mimecast, 'security scanner'],
    [UA.curl, 'curl'],
    [UA.pythonRequests, 'bot'],
    [UA.googlebot, 'bot'],
    [
      'Mozilla/5.0 (Nintendo Switch; WifiWebAuthApplet) AppleWebKit/606.4 (KHTML, like Gecko) NF/6.0.1.15.4 NintendoBrowser/5.1.0.20393',
      'other',
    ],
    ['', 'unknown'],
  ])('%s → %s', (userAgent, family) => {
    expect(userAgentFamily(userAgent)).toBe(family);
  });
});
