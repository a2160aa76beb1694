import { generateSigningSecret, signWebhook } from './webhook-signature';

describe('signWebhook (Standard Webhooks v1)', () => {
  // The specification's own example: secret, id, timestamp, body and expected signature.
  const SPEC_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const SPEC_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const SPEC_TIMESTAMP = 1614265330;
  const SPEC_BODY = '{"test": 2432232314}';

  it.each([
    [
      'the specification example',
      SPEC_SECRET,
      SPEC_ID,
      SPEC_TIMESTAMP,
      SPEC_BODY,
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    ],
  ])('%s', (_, secret, id, timestamp, body, expected) => {
    expect(signWebhook(secret, id, timestamp, body)).toBe(expected);
  });

  it.each([
    ['another id', 'msg_other', SPEC_TIMESTAMP, SPEC_BODY],
    ['another timestamp', SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_BODY],
    ['another body', SPEC_ID, SPEC_TIMESTAMP, '{"test": 2432232315}'],
  ])('changes with %s', (_, id, timestamp, body) => {
    expect(signWebhook(SPEC_SECRET, id, timestamp, body)).not.toBe(
      signWebhook(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY),
    );
  });

  it('refuses a secret without the whsec_ prefix', () => {
    expect(() => signWebhook('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', SPEC_ID, 1, '')).toThrow(
      RangeError,
    );
  });

  it('generates distinct whsec_ secrets of 32 bytes', () => {
    const [a, b] = [generateSigningSecret(), generateSigningSecret()];
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});
