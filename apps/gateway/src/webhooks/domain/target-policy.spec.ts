import { AllowedTargets, isForbiddenAddress, urlProblem } from './target-policy';

describe('isForbiddenAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['::1', true],
    ['::', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::a00:1', true],
    ['fd12:3456::1', true],
    ['fc00::1', true],
    ['fe80::1', true],
    ['ff02::1', true],
    ['2001:4860:4860::8888', false],
    ['not-an-address', true],
  ])('%s → %s', (address, forbidden) => {
    expect(isForbiddenAddress(address)).toBe(forbidden);
  });
});

describe('AllowedTargets', () => {
  const allowed = new AllowedTargets('127.0.0.1/32, ::1, receiver.internal, 10.20.0.0/16');

  it.each([
    ['127.0.0.1 by CIDR', 'x.test', '127.0.0.1', true],
    ['::1 by address', 'x.test', '::1', true],
    ['any address of an allowed host name', 'Receiver.Internal', '10.9.9.9', true],
    ['inside an allowed private network', 'x.test', '10.20.3.4', true],
    ['outside the allowed networks', 'x.test', '10.21.0.1', false],
    ['metadata address', 'x.test', '169.254.169.254', false],
    ['public address without listing', 'x.test', '8.8.8.8', true],
  ])('%s', (_, host, address, admitted) => {
    expect(allowed.admits(host, address)).toBe(admitted);
  });

  it('admits no forbidden address when empty', () => {
    expect(new AllowedTargets('').admits('localhost', '127.0.0.1')).toBe(false);
  });

  it.each([['10.0.0.0/33'], ['bad host!'], ['1.2.3.4/x'], ['host/8']])(
    'refuses the entry %s',
    (entry) => {
      expect(() => new AllowedTargets(entry)).toThrow(RangeError);
    },
  );
});

describe('urlProblem', () => {
  it.each([
    ['https://hooks.example.com/in?x=1', null],
    ['http://203.0.113.5:8080/hook', null],
    ['ftp://example.com/', 'must use http or https'],
    ['example.com/hook', 'must be an absolute URL'],
    ['https://user:pw@example.com/', 'must not carry credentials'],
    ['https://example.com/#frag', 'must not have a fragment'],
  ])('%s → %s', (url, problem) => {
    expect(urlProblem(url)).toBe(problem);
  });
});
