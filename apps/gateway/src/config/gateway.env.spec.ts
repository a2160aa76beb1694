import { InvalidConfigurationError, validateEnv } from '@sales-suite/config';
import { GatewayEnv } from './gateway.env';

describe('GatewayEnv', () => {
  it('trusts no proxy and allows 20 failed authentications a minute by default', () => {
    expect(validateEnv(GatewayEnv, {})).toMatchObject({
      TRUSTED_PROXIES: '',
      AUTH_FAILURES_PER_MINUTE: 20,
    });
  });

  it('takes a list of addresses and CIDRs', () => {
    const env = validateEnv(GatewayEnv, {
      TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32,192.168.1.7',
      AUTH_FAILURES_PER_MINUTE: '5',
    });
    expect(env).toMatchObject({
      TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32,192.168.1.7',
      AUTH_FAILURES_PER_MINUTE: 5,
    });
  });

  it.each([
    [
      'TRUSTED_PROXIES',
      '10.0.0.0/33',
      'TRUSTED_PROXIES must be comma-separated addresses or CIDRs: "10.0.0.0/33" has a prefix length outside 0–32',
    ],
    ['TRUSTED_PROXIES', 'ingress.local', '"ingress.local" is not an address or CIDR'],
    ['AUTH_FAILURES_PER_MINUTE', '0', 'AUTH_FAILURES_PER_MINUTE must not be less than 1'],
  ])('stops on %s=%j naming the variable', (variable, value, reason) => {
    let thrown: unknown;
    try {
      validateEnv(GatewayEnv, { [variable]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidConfigurationError);
    expect((thrown as InvalidConfigurationError).problems.join('\n')).toContain(reason);
  });
});
