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

  it('leaves webhooks off by default, with a day of retries', () => {
    const env = validateEnv(GatewayEnv, {});
    expect(env.WEBHOOK_SECRETS_KEY).toBeUndefined();
    expect(env).toMatchObject({
      WEBHOOK_ALLOWED_TARGETS: '',
      WEBHOOK_RETRY_WINDOW_MS: 86_400_000,
      WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES: 5,
    });
  });

  it('takes a webhook secrets key and an allow-list of CIDRs and host names', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(
      validateEnv(GatewayEnv, {
        WEBHOOK_SECRETS_KEY: key,
        WEBHOOK_ALLOWED_TARGETS: '127.0.0.1/32, ::1, receiver.internal',
      }),
    ).toMatchObject({
      WEBHOOK_SECRETS_KEY: key,
      WEBHOOK_ALLOWED_TARGETS: '127.0.0.1/32, ::1, receiver.internal',
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
    [
      'WEBHOOK_SECRETS_KEY',
      'c2hvcnQ=',
      'WEBHOOK_SECRETS_KEY must be base64 of 32 bytes (openssl rand -base64 32)',
    ],
    [
      'WEBHOOK_ALLOWED_TARGETS',
      '127.0.0.1/40',
      'WEBHOOK_ALLOWED_TARGETS must be comma-separated CIDRs, addresses or host names: "127.0.0.1/40" has a prefix length outside 0–32',
    ],
    ['WEBHOOK_RETRY_INITIAL_MS', '5', 'WEBHOOK_RETRY_INITIAL_MS must not be less than 10'],
    ['WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES', '0', 'must not be less than 1'],
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
