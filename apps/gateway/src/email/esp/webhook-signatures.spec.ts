import { createHmac, createSign, generateKeyPairSync, sign } from 'node:crypto';
import {
  isTrustedSnsUrl,
  parseSnsMessage,
  requireTrustedCertificateUrl,
  SnsMessage,
  snsStringToSign,
  verifySnsSignature,
} from './sns-message';
import {
  parsePostmarkBody,
  verifyMailgun,
  verifyPostmark,
  verifySendGrid,
  WebhookRefusal,
} from './webhook-signatures';

function refusal(check: () => void): WebhookRefusal | 'accepted' {
  try {
    check();
    return 'accepted';
  } catch (error) {
    return (error as { reason: WebhookRefusal }).reason;
  }
}

describe('SendGrid: ECDSA over timestamp + raw body', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const body = Buffer.from('[{"event":"delivered","sg_event_id":"a"}]\r\n');
  const signed = (key = privateKey, timestamp = '1600112502', bytes = body) =>
    sign('sha256', Buffer.concat([Buffer.from(timestamp), bytes]), key).toString('base64');

  it.each<[string, string | undefined, string | undefined, Buffer, WebhookRefusal | 'accepted']>([
    ['valid', signed(), '1600112502', body, 'accepted'],
    ['another key', signed(other), '1600112502', body, 'bad_signature'],
    ['another timestamp', signed(), '1600112503', body, 'bad_signature'],
    [
      'body changed by one byte',
      signed(),
      '1600112502',
      Buffer.from(body.toString().replace('a', 'b')),
      'bad_signature',
    ],
    [
      'body re-serialised (no CRLF)',
      signed(),
      '1600112502',
      Buffer.from(body.toString().trim()),
      'bad_signature',
    ],
    ['no signature', undefined, '1600112502', body, 'missing_signature'],
    ['no timestamp', signed(), undefined, body, 'missing_signature'],
    ['garbage signature', 'bm90IGEgc2lnbmF0dXJl', '1600112502', body, 'bad_signature'],
  ])('%s → %s', (_name, signature, timestamp, bytes, expected) => {
    expect(refusal(() => verifySendGrid(publicKey, signature, timestamp, bytes))).toBe(expected);
  });
});

describe('Mailgun: hex HMAC-SHA256 of timestamp + token', () => {
  const key = 'key-0123456789abcdef0123';
  const hmac = (timestamp: string, token: string, secret = key) =>
    createHmac('sha256', secret)
      .update(timestamp + token)
      .digest('hex');
  const body = (signature: unknown) => ({ signature, 'event-data': { event: 'delivered' } });

  it.each<[string, unknown, WebhookRefusal | 'accepted']>([
    [
      'valid',
      body({ timestamp: '1529006854', token: 'abc', signature: hmac('1529006854', 'abc') }),
      'accepted',
    ],
    [
      'upper-case hex',
      body({
        timestamp: '1529006854',
        token: 'abc',
        signature: hmac('1529006854', 'abc').toUpperCase(),
      }),
      'accepted',
    ],
    [
      'another key',
      body({
        timestamp: '1529006854',
        token: 'abc',
        signature: hmac('1529006854', 'abc', 'other-key-000000'),
      }),
      'bad_signature',
    ],
    [
      'token swapped',
      body({ timestamp: '1529006854', token: 'abd', signature: hmac('1529006854', 'abc') }),
      'bad_signature',
    ],
    [
      'short signature',
      body({ timestamp: '1529006854', token: 'abc', signature: 'ab' }),
      'bad_signature',
    ],
    ['no signature block', { 'event-data': {} }, 'missing_signature'],
    [
      'numeric timestamp',
      body({ timestamp: 1529006854, token: 'abc', signature: 'x' }),
      'missing_signature',
    ],
    ['not an object', 'text', 'missing_signature'],
  ])('%s → %s', (_name, payload, expected) => {
    expect(refusal(() => verifyMailgun(key, payload))).toBe(expected);
  });
});

describe('Postmark: basic authentication', () => {
  const expected = { username: 'postmark', password: 'a-long-webhook-password' };
  const basic = (value: string) => `Basic ${Buffer.from(value).toString('base64')}`;

  it.each<[string, string | undefined, WebhookRefusal | 'accepted']>([
    ['valid', basic('postmark:a-long-webhook-password'), 'accepted'],
    [
      'scheme in lower case',
      `basic ${Buffer.from('postmark:a-long-webhook-password').toString('base64')}`,
      'accepted',
    ],
    [
      'password with a colon kept whole',
      basic('postmark:a-long-webhook-password:x'),
      'bad_credentials',
    ],
    ['wrong password', basic('postmark:a-long-webhook-passwore'), 'bad_credentials'],
    ['wrong user', basic('postmarc:a-long-webhook-password'), 'bad_credentials'],
    ['no colon', basic('postmark'), 'bad_credentials'],
    ['bearer instead', 'Bearer abc', 'missing_signature'],
    ['none', undefined, 'missing_signature'],
  ])('%s → %s', (_name, authorization, outcome) => {
    expect(refusal(() => verifyPostmark(expected, authorization))).toBe(outcome);
  });

  it('keeps 64-bit IDs exact, leaves strings and other numbers alone', () => {
    expect(
      parsePostmarkBody(
        '{"ID": 4323372036854775807, "TypeCode": 1, "Metadata": {"note": "\\"ID\\": 5"}, "Bounce": {"ID":42}}',
      ),
    ).toEqual({
      ID: '4323372036854775807',
      TypeCode: 1,
      Metadata: { note: '"ID": 5' },
      Bounce: { ID: '42' },
    });
  });
});

describe('SNS: string to sign, signature versions, trusted URLs', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const base: SnsMessage = {
    Type: 'Notification',
    MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
    TopicArn: 'arn:aws:sns:us-west-2:123456789012:MyTopic',
    Subject: 'My First Message',
    Message: 'Hello world!',
    Timestamp: '2012-05-02T00:54:06.655Z',
    SignatureVersion: '1',
    Signature: '',
    SigningCertURL:
      'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem',
  };
  const signedWith = (message: SnsMessage, algorithm: string) => ({
    ...message,
    Signature: createSign(algorithm).update(snsStringToSign(message)).sign(privateKey, 'base64'),
  });

  it('builds the documented canonical strings', () => {
    expect(snsStringToSign(base)).toBe(
      'Message\nHello world!\nMessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\nSubject\nMy First Message\nTimestamp\n2012-05-02T00:54:06.655Z\nTopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\nType\nNotification\n',
    );
    const { Subject: _omitted, ...withoutSubject } = base;
    expect(snsStringToSign(withoutSubject)).not.toContain('Subject');
    expect(
      snsStringToSign({
        ...withoutSubject,
        Type: 'SubscriptionConfirmation',
        Token: 't0k3n',
        SubscribeURL: 'https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription',
      }),
    ).toBe(
      'Message\nHello world!\nMessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\nSubscribeURL\nhttps://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription\nTimestamp\n2012-05-02T00:54:06.655Z\nToken\nt0k3n\nTopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\nType\nSubscriptionConfirmation\n',
    );
  });

  it.each<[string, SnsMessage, WebhookRefusal | 'accepted']>([
    ['version 1 (SHA1)', signedWith(base, 'RSA-SHA1'), 'accepted'],
    [
      'version 2 (SHA256)',
      signedWith({ ...base, SignatureVersion: '2' }, 'RSA-SHA256'),
      'accepted',
    ],
    [
      'version 2 claimed, SHA1 used',
      { ...signedWith(base, 'RSA-SHA1'), SignatureVersion: '2' },
      'bad_signature',
    ],
    [
      'message changed after signing',
      { ...signedWith(base, 'RSA-SHA1'), Message: 'Hello world?' },
      'bad_signature',
    ],
    [
      'subject removed after signing',
      { ...signedWith(base, 'RSA-SHA1'), Subject: undefined },
      'bad_signature',
    ],
  ])('%s → %s', (_name, message, expected) => {
    expect(refusal(() => verifySnsSignature(message, publicKey))).toBe(expected);
  });

  it.each<[string, string | undefined, boolean]>([
    ['https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem', undefined, true],
    ['https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem', undefined, true],
    ['http://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem', undefined, false],
    ['https://sns.us-east-1.amazonaws.com.evil.example/x.pem', undefined, false],
    ['https://evil.example/sns.us-east-1.amazonaws.com/x.pem', undefined, false],
    ['https://sns.us-east-1.amazonaws.com:8443/x.pem', undefined, false],
    ['https://user@sns.us-east-1.amazonaws.com/x.pem', undefined, false],
    ['https://s3.amazonaws.com/x.pem', undefined, false],
    ['not a url', undefined, false],
    ['http://127.0.0.1:4567/cert.pem', 'http://127.0.0.1:4567', true],
    ['http://127.0.0.1:4568/cert.pem', 'http://127.0.0.1:4567', false],
  ])('%s (extra origin %s) trusted: %s', (url, extra, trusted) => {
    expect(isTrustedSnsUrl(url, extra)).toBe(trusted);
  });

  it('a certificate URL must also name a .pem file', () => {
    expect(
      refusal(() => requireTrustedCertificateUrl('https://sns.us-east-1.amazonaws.com/x.pem')),
    ).toBe('accepted');
    expect(
      refusal(() => requireTrustedCertificateUrl('https://sns.us-east-1.amazonaws.com/?Action=x')),
    ).toBe('untrusted_certificate_url');
  });

  it.each<[string, unknown]>([
    ['not an object', 'x'],
    ['unknown Type', { ...base, Type: 'Other' }],
    ['no MessageId', { ...base, MessageId: undefined }],
    ['numeric SignatureVersion', { ...base, SignatureVersion: 1 }],
    ['confirmation without SubscribeURL', { ...base, Type: 'SubscriptionConfirmation' }],
  ])('a malformed envelope (%s) is refused', (_name, body) => {
    expect(refusal(() => parseSnsMessage(body))).toBe('malformed');
  });
});
