import { clientAddress, clientNetwork, TrustedProxies } from './trusted-proxies';

describe('TrustedProxies.has', () => {
  it.each([
    // list, address, trusted
    ['', '127.0.0.1', false],
    ['', '::1', false],
    ['10.0.0.0/8', '10.42.7.1', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['10.0.0.0/8', '::ffff:10.42.7.1', true],
    ['10.0.0.0/8', '::ffff:a2a:701', true],
    ['10.0.0.0/8', '::ffff:11.0.0.1', false],
    ['192.168.1.7', '192.168.1.7', true],
    ['192.168.1.7', '192.168.1.8', false],
    ['192.168.1.7/32', '192.168.1.7', true],
    ['0.0.0.0/0', '203.0.113.9', true],
    ['172.16.0.0/12', '172.31.255.255', true],
    ['172.16.0.0/12', '172.32.0.0', false],
    ['2001:db8::/32', '2001:db8:1:2::5', true],
    ['2001:db8::/32', '2001:db9::5', false],
    ['2001:db8::/32', '10.0.0.1', false],
    ['::1', '::1', true],
    ['::1/128', '0:0:0:0:0:0:0:1', true],
    ['::ffff:10.0.0.0/104', '10.1.2.3', true],
    ['fd00::/8, 10.0.0.0/8', 'fd12:3456::1', true],
    [' 10.0.0.0/8 ,, 127.0.0.1/32 ', '127.0.0.1', true],
    ['10.0.0.0/8', 'not-an-ip', false],
    ['10.0.0.0/8', '', false],
  ])('%j trusts %j: %s', (list, address, trusted) => {
    expect(new TrustedProxies(list).has(address)).toBe(trusted);
  });

  it.each([
    ['10.0.0.0/33', 'prefix length outside 0–32'],
    ['2001:db8::/129', 'prefix length outside 0–128'],
    ['10.0.0.0/-1', 'prefix length'],
    ['10.0.0.0/8x', 'prefix length'],
    ['10.0.0/8', 'not an address or CIDR'],
    ['ingress', 'not an address or CIDR'],
    ['10.0.0.0/8/8', 'not an address or CIDR'],
    ['10.0.0.0/8; 11.0.0.0/8', 'not an address or CIDR'],
  ])('refuses %j (%s)', (list, reason) => {
    expect(() => new TrustedProxies(list)).toThrow(reason);
  });
});

describe('clientAddress', () => {
  const ingress = new TrustedProxies('10.0.0.0/8, fd00::/8');
  it.each([
    // socket peer, X-Forwarded-For, client
    ['203.0.113.9', '198.51.100.1', '203.0.113.9'],
    ['10.1.1.1', undefined, '10.1.1.1'],
    ['10.1.1.1', '198.51.100.1', '198.51.100.1'],
    ['10.1.1.1', '6.6.6.6, 198.51.100.1', '198.51.100.1'],
    ['10.1.1.1', '6.6.6.6, 198.51.100.1, 10.2.2.2', '198.51.100.1'],
    ['10.1.1.1', '10.3.3.3, 10.2.2.2', '10.3.3.3'],
    ['::ffff:10.1.1.1', '2001:db8::7', '2001:db8::7'],
    ['fd00::1', ['198.51.100.1', '10.9.9.9'], '198.51.100.1'],
    ['10.1.1.1', ' , ', '10.1.1.1'],
    ['10.1.1.1', 'garbage', 'garbage'],
  ])('peer %j, X-Forwarded-For %j → %j', (socket, forwarded, client) => {
    expect(clientAddress(socket, forwarded, ingress)).toBe(client);
  });

  it('ignores X-Forwarded-For when nobody is trusted', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', new TrustedProxies(''))).toBe('127.0.0.1');
  });
});

describe('clientNetwork', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['garbage', 'garbage'],
  ])('%j → %j', (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });
});
