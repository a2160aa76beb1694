import { isAppleNetwork, truncateIp } from './network-source';

describe('truncateIp', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['10.1.2.3', '10.1.2.0/24'],
    ['::ffff:198.51.100.9', '198.51.100.0/24'],
    ['2001:db8:abcd:12:1:2:3:4', '2001:db8:abcd::/48'],
    ['2001:0db8:0000:0012::1', '2001:db8:0::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    ['  203.0.113.77 ', '203.0.113.0/24'],
    ['', null],
    ['not-an-ip', null],
    ['999.1.1.1', null],
    ['203.0.113', null],
    ['::ffff:999.1.1.1', null],
  ])('%j → %j', (ip, expected) => {
    expect(truncateIp(ip)).toBe(expected);
  });
});

describe('isAppleNetwork', () => {
  it.each([
    ['17.58.101.4', true],
    ['::ffff:17.1.2.3', true],
    ['2620:149:a:b::1', true],
    ['2a01:b740:a41::5', true],
    ['18.58.101.4', false],
    ['172.17.0.1', false],
    ['2001:db8::1', false],
    ['garbage', false],
  ])('%s → %s', (ip, expected) => {
    expect(isAppleNetwork(ip)).toBe(expected);
  });
});
