import {
  classifyClick,
  ClickSignals,
  otherLinksInWindow,
  siblingProbes,
  scannerNetwork,
} from './click-classification';

/** Real user agents, as seen in web server logs of tracked links. */
const UA = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
  gmailAndroidWebView:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UD1A.230803.041; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.43 Mobile Safari/537.36',
  outlookIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Outlook-iOS/723.4027091.prod.iphone (4.2345.0)',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
  mimecast: 'Mozilla/5.0 (compatible; Mimecast URL Protect)',
  proofpoint: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Proofpoint URL Defense',
  barracuda: 'Barracuda Sentinel (EE)',
  ironport: 'Cisco-IronPort-URL-Scanner/1.0',
  officeDiscovery: 'Microsoft Office Existence Discovery',
  curl: 'curl/8.5.0',
  pythonRequests: 'python-requests/2.31.0',
  headless:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
};

const DELIVERED = new Date('2026-11-20T09:00:00Z');
const after = (s: number) => new Date(DELIVERED.getTime() + s * 1000);
const HOME_IP = '203.0.113.50';

function signals(overrides: Partial<ClickSignals>): ClickSignals {
  return {
    head: false,
    userAgent: UA.chromeWindows,
    ip: HOME_IP,
    clickedAt: after(3600),
    deliveredAt: DELIVERED,
    otherLinksInWindow: 0,
    ...overrides,
  };
}

describe('classifyClick', () => {
  it.each<[string, Partial<ClickSignals>, string, string]>([
    // people following links
    ['Chrome on Windows an hour later', {}, 'human', 'no machine signal'],
    ['Safari on iPhone', { userAgent: UA.safariIphone }, 'human', 'no machine signal'],
    ['Gmail app web view', { userAgent: UA.gmailAndroidWebView }, 'human', 'no machine signal'],
    ['Outlook for iOS', { userAgent: UA.outlookIos }, 'human', 'no machine signal'],
    [
      'Firefox over IPv6',
      { userAgent: UA.firefoxLinux, ip: '2001:db8:1::7' },
      'human',
      'no machine signal',
    ],
    [
      'Edge 31 s after delivery',
      { userAgent: UA.edge, clickedAt: after(31) },
      'human',
      'no machine signal',
    ],
    [
      'no delivery event: no timing rule',
      { deliveredAt: null, clickedAt: DELIVERED },
      'human',
      'no machine signal',
    ],
    ['a link clicked again later', { otherLinksInWindow: 0 }, 'human', 'no machine signal'],
    // security gateways
    ['HEAD from a browser agent', { head: true }, 'machine:scanner', 'HEAD request'],
    ['Mimecast agent', { userAgent: UA.mimecast }, 'machine:scanner', 'known security scanner'],
    ['Proofpoint agent', { userAgent: UA.proofpoint }, 'machine:scanner', 'known security scanner'],
    ['Barracuda agent', { userAgent: UA.barracuda }, 'machine:scanner', 'known security scanner'],
    ['IronPort agent', { userAgent: UA.ironport }, 'machine:scanner', 'known security scanner'],
    [
      'Office existence discovery',
      { userAgent: UA.officeDiscovery },
      'machine:scanner',
      'known security scanner',
    ],
    [
      'Safe Links: browser agent from Microsoft',
      { ip: '40.107.22.91' },
      'machine:scanner',
      'Microsoft (Safe Links',
    ],
    ['Safe Links over IPv6', { ip: '2a01:111:f400:7e1b::5' }, 'machine:scanner', 'Microsoft'],
    ['browser agent from Mimecast', { ip: '205.139.110.7' }, 'machine:scanner', 'Mimecast network'],
    [
      'browser agent from Proofpoint',
      { ip: '148.163.150.2' },
      'machine:scanner',
      'Proofpoint network',
    ],
    [
      'browser agent from Barracuda',
      { ip: '209.222.82.4' },
      'machine:scanner',
      'Barracuda network',
    ],
    ['browser agent from IronPort', { ip: '68.232.140.9' }, 'machine:scanner', 'Cisco IronPort'],
    [
      '5 s after delivery',
      { clickedAt: after(5) },
      'machine:scanner',
      'clicked 5 s after delivery',
    ],
    [
      'several links at once',
      { otherLinksInWindow: 3 },
      'machine:scanner',
      '4 links of the message clicked within 1 s',
    ],
    // other machines
    ['no user agent', { userAgent: '  ' }, 'machine:bot', 'no user agent'],
    ['curl', { userAgent: UA.curl }, 'machine:bot', 'isbot'],
    ['python-requests', { userAgent: UA.pythonRequests }, 'machine:bot', 'isbot'],
    ['headless Chrome', { userAgent: UA.headless }, 'machine:bot', 'isbot'],
  ])('%s → %s', (_case, overrides, classification, reason) => {
    const verdict = classifyClick(signals(overrides));
    expect(verdict.classification).toBe(classification);
    expect(verdict.reason).toContain(reason);
  });

  it('takes the delivery window from the thresholds', () => {
    const at45 = signals({ clickedAt: after(45) });
    expect(classifyClick(at45).classification).toBe('human');
    expect(classifyClick(at45, { scannerSeconds: 60, siblingWindowMs: 1000 })).toEqual({
      classification: 'machine:scanner',
      reason: 'clicked 45 s after delivery',
    });
  });
});

describe('scannerNetwork', () => {
  it.each([
    ['205.139.111.255', 'Mimecast'],
    ['205.139.112.0', null],
    ['207.211.31.127', 'Mimecast'],
    ['207.211.31.128', null],
    ['::ffff:104.47.1.1', 'Microsoft (Safe Links / Defender for Office 365)'],
    ['2a01:111:f401::1', null],
    ['8.8.8.8', null],
    ['not an ip', null],
  ])('%s → %s', (ip, vendor) => {
    expect(scannerNetwork(ip)).toBe(vendor);
  });
});

describe('otherLinksInWindow', () => {
  const at = (ms: number) => new Date(DELIVERED.getTime() + ms);
  const click = (messageId: string, link: string, ms: number) => ({
    messageId,
    link,
    at: at(ms),
  });

  it('counts distinct other links of the same message within the window, before or after', () => {
    const batch = [
      click('m1', 'https://a/', 0),
      click('m1', 'https://b/', 400),
      click('m1', 'https://b/', 500), // same link again: not another link
      click('m1', 'https://c/', 1300), // 900 ms after b, 1300 ms after a
      click('m2', 'https://a/', 100), // another message
      click('m3', 'https://a/', 0),
    ];
    const recorded = [click('m3', 'https://z/', -999), click('m2', 'https://z/', -2000)];
    expect(otherLinksInWindow(batch, recorded, 1000)).toEqual([1, 2, 2, 1, 0, 1]);
  });
});

describe('siblingProbes', () => {
  const at = (ms: number) => new Date(DELIVERED.getTime() + ms);
  const click = (messageId: string, link: string, ms: number) => ({ messageId, link, at: at(ms) });

  it.each([
    [
      'one click: its window, its link left out',
      [click('m1', '7', 0)],
      [{ messageId: 'm1', since: at(-1000), until: at(1000), soleLink: '7' }],
    ],
    [
      'clicks of one link: from the first to the last, in any order',
      [click('m1', '7', 300), click('m1', '7', -200), click('m1', '7', 100)],
      [{ messageId: 'm1', since: at(-1200), until: at(1300), soleLink: '7' }],
    ],
    [
      'two links of a message: every recorded click is read',
      [click('m1', '7', 0), click('m1', '8', 500)],
      [{ messageId: 'm1', since: at(-1000), until: at(1500), soleLink: null }],
    ],
    [
      'one probe per message',
      [click('m1', '7', 0), click('m2', '7', 0), click('m1', '7', 50)],
      [
        { messageId: 'm1', since: at(-1000), until: at(1050), soleLink: '7' },
        { messageId: 'm2', since: at(-1000), until: at(1000), soleLink: '7' },
      ],
    ],
  ])('%s', (_case, clicks, expected) => {
    expect(siblingProbes(clicks, 1000)).toEqual(expected);
  });

  it('reads every recorded click that matters to the batch (randomised, against reading them all)', () => {
    // A recorded click the probes leave out must never change a count.
    let seed = 42;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 200; round++) {
      const make = () => click(`m${random(3)}`, String(random(3)), random(5000));
      const batch = Array.from({ length: 1 + random(6) }, make);
      const recorded = Array.from({ length: random(12) }, make);
      const probes = siblingProbes(batch, 1000);
      const read = recorded.filter((c) =>
        probes.some(
          (p) =>
            p.messageId === c.messageId &&
            c.at > p.since &&
            c.at < p.until &&
            c.link !== p.soleLink,
        ),
      );
      expect(otherLinksInWindow(batch, read, 1000)).toEqual(
        otherLinksInWindow(batch, recorded, 1000),
      );
      // Nor a recorded click that the batch makes the first of a burst (re-judged).
      const startsBurst = (c: (typeof recorded)[number]) =>
        otherLinksInWindow([c], batch, 1000)[0] > 0;
      expect(recorded.filter(startsBurst).every((c) => read.includes(c))).toBe(true);
    }
  });
});
