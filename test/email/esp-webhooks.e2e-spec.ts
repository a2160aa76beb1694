import { execFileSync } from 'node:child_process';
import {
  createHmac,
  createSign,
  generateKeyPairSync,
  KeyObject,
  randomUUID,
  sign,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppSet, RunningApp } from '../support/apps';
import { apiClient, ApiResponse, postOverLimit } from '../support/http';
import { metricValue } from '../support/metrics';
import { eventually } from '../support/eventually';
import { fetchPixel, pixelPath, USER_AGENTS, withDatabase } from './support';

const FIXTURES = join(__dirname, 'fixtures/esp');
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ses-notifications';
const MAILGUN_KEY = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';
const POSTMARK = { user: 'postmark-hook', password: 'a-long-postmark-password' };

interface Result {
  recorded: number;
  duplicates: number;
  ignored: number;
  unknownMessageIds: string[];
  withoutMessageId: number;
}
interface Stats {
  sent: number;
  delivered: number;
  bounced: number;
  complaints: number;
  totalOpens: number;
}
interface Problem {
  status: number;
  code: string;
  reason?: string;
  provider?: string;
  errors?: { field: string; reason: string }[];
}

/** A documented payload with our message ids in place of the fixture's placeholders. */
function fixture(path: string, ids: Record<string, string>): string {
  let text = readFileSync(join(FIXTURES, path), 'utf8');
  for (const [placeholder, id] of Object.entries(ids)) text = text.replaceAll(placeholder, id);
  return text;
}

/** A self-signed certificate standing in for AWS's SNS signing certificate. */
function selfSignedCertificate(): { certificate: string; privateKey: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sns-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=sns.test',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      certificate: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      privateKey: readFileSync(join(dir, 'key.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('email: ESP delivery webhooks (SES via SNS, SendGrid, Mailgun, Postmark)', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let emailTracking: RunningApp;
  let unconfiguredGateway: RunningApp;
  let api: ReturnType<typeof apiClient>;
  const sendGrid = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const forger = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const sns = selfSignedCertificate();
  const snsForger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  /** Plays AWS: serves the certificate and records subscription confirmations. */
  let awsStandIn: Server;
  let awsOrigin: string;
  const confirmations: string[] = [];

  beforeAll(async () => {
    awsStandIn = createServer((request, response) => {
      if (request.url === '/SimpleNotificationService-test.pem') {
        response.writeHead(200, { 'content-type': 'application/x-pem-file' });
        response.end(sns.certificate);
        return;
      }
      if (request.url?.startsWith('/?Action=ConfirmSubscription')) confirmations.push(request.url);
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end('<ConfirmSubscriptionResponse/>');
    });
    await new Promise<void>((resolve) => awsStandIn.listen(0, '127.0.0.1', resolve));
    awsOrigin = `http://127.0.0.1:${(awsStandIn.address() as AddressInfo).port}`;
    // Trace level, everything kept: the last test searches the logs.
    const traced = { env: { LOG_LEVEL: 'trace' }, keepAllOutput: true };
    emailTracking = await apps.start('email-tracking', traced);
    gateway = await apps.start('gateway', {
      keepAllOutput: true,
      env: {
        LOG_LEVEL: 'trace',
        SENDGRID_WEBHOOK_PUBLIC_KEY: sendGrid.publicKey
          .export({ format: 'der', type: 'spki' })
          .toString('base64'),
        MAILGUN_WEBHOOK_SIGNING_KEY: MAILGUN_KEY,
        POSTMARK_WEBHOOK_USERNAME: POSTMARK.user,
        POSTMARK_WEBHOOK_PASSWORD: POSTMARK.password,
        SES_SNS_TOPIC_ARNS: TOPIC,
        SES_SNS_EXTRA_TRUSTED_ORIGIN: awsOrigin,
      },
    });
    unconfiguredGateway = await apps.start('gateway');
    api = apiClient(gateway.url);
  });
  afterAll(async () => {
    await apps.stopAll();
    await new Promise((resolve) => awsStandIn?.close(resolve));
  });

  const campaignWith = async (count: number) => {
    const campaign = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name: 'ESP webhooks', subject: 'Hello' },
    });
    const created = await api<{ messages: { id: string; pixelUrl: string }[] }>(
      `/v1/email/campaigns/${campaign.body.id}/messages`,
      {
        body: {
          messages: Array.from({ length: count }, (_, index) => ({
            email: `esp-${index}@example.com`,
          })),
        },
      },
    );
    expect(created.status).toBe(201);
    return {
      campaignId: campaign.body.id,
      ids: created.body.messages.map((message) => message.id),
      pixelUrls: created.body.messages.map((message) => message.pixelUrl),
    };
  };
  const stats = async (campaignId: string) =>
    (await api<Stats>(`/v1/email/campaigns/${campaignId}/stats`)).body;
  const post = <T = Result>(
    provider: string,
    body: string,
    headers: Record<string, string>,
    target = gateway,
  ): Promise<ApiResponse<T>> =>
    apiClient(target.url)<T>(`/v1/email/webhooks/${provider}`, {
      key: null,
      rawBody: body,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const expectRefused = async (
    response: ApiResponse<Problem>,
    provider: string,
    reason: string,
  ) => {
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', provider, reason });
  };
  const espEvents = (messageIds: string[]) =>
    withDatabase(
      async (db) =>
        (
          await db.query<{ kind: string; machine: boolean }>(
            `SELECT kind, machine FROM email.esp_events WHERE message_id = ANY($1::uuid[])
           ORDER BY kind, machine`,
            [messageIds],
          )
        ).rows,
    );

  it('render tells the sender the header and custom argument that name the message', async () => {
    const { ids } = await campaignWith(1);
    const rendered = await api<{ tagging: unknown; unsubscribeUrl: string }>('/v1/email/render', {
      body: { messageId: ids[0], html: '<p>Hi</p>' },
    });
    expect(rendered.body.tagging).toEqual({
      headers: {
        'X-Sales-Suite-Message-Id': ids[0],
        'List-Unsubscribe': `<${rendered.body.unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      customArgs: { sales_suite_message_id: ids[0] },
    });
  });

  describe('SendGrid (Signed Event Webhook)', () => {
    const signed = (
      body: string,
      key: KeyObject = sendGrid.privateKey,
      timestamp = '1700000000',
    ) => ({
      'x-twilio-email-event-webhook-timestamp': timestamp,
      'x-twilio-email-event-webhook-signature': sign(
        'sha256',
        Buffer.from(timestamp + body),
        key,
      ).toString('base64'),
    });

    it('maps the documented batch, reports the unknown id, and counts each event once on replay', async () => {
      const { campaignId, ids } = await campaignWith(3);
      const body = fixture('sendgrid/events.json', {
        __MESSAGE_ID__: ids[0],
        __OTHER_MESSAGE_ID__: ids[1],
        __THIRD_MESSAGE_ID__: ids[2],
      });
      const first = await post('sendgrid', body, signed(body));
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        recorded: 7,
        duplicates: 0,
        ignored: 1,
        unknownMessageIds: ['6f1c5a9e-0000-4000-8000-000000000000'],
        withoutMessageId: 0,
      });
      const after = await stats(campaignId);
      expect(after).toMatchObject({
        sent: 3,
        bounced: 2,
        delivered: 1,
        complaints: 1,
        totalOpens: 0,
      });

      const replay = await post('sendgrid', body, signed(body, sendGrid.privateKey, '1700000100'));
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ recorded: 0, duplicates: 7 });
      expect(await stats(campaignId)).toEqual(after);
      // Provider opens are kept apart from pixel opens, with SendGrid's machine flag.
      expect(await espEvents([ids[0]])).toEqual([
        { kind: 'click', machine: false },
        { kind: 'complaint', machine: false },
        { kind: 'delivered', machine: false },
        { kind: 'open', machine: false },
        { kind: 'open', machine: true },
      ]);
    });

    it('refuses forged and tampered posts with 401, counted, and changes nothing', async () => {
      const { campaignId, ids } = await campaignWith(3);
      const body = fixture('sendgrid/events.json', {
        __MESSAGE_ID__: ids[0],
        __OTHER_MESSAGE_ID__: ids[1],
        __THIRD_MESSAGE_ID__: ids[2],
      });
      const before = await metricValue(gateway, 'email_esp_webhook_refusals_total', {
        provider: 'sendgrid',
        reason: 'bad_signature',
      });
      await expectRefused(
        await post<Problem>('sendgrid', body, signed(body, forger.privateKey)),
        'sendgrid',
        'bad_signature',
      );
      await expectRefused(
        await post<Problem>(
          'sendgrid',
          body.replace('"type": "blocked"', '"type": "bounce"'),
          signed(body),
        ),
        'sendgrid',
        'bad_signature',
      );
      await expectRefused(
        await post<Problem>('sendgrid', body, {}),
        'sendgrid',
        'missing_signature',
      );
      expect(
        await metricValue(gateway, 'email_esp_webhook_refusals_total', {
          provider: 'sendgrid',
          reason: 'bad_signature',
        }),
      ).toBe(before + 2);
      expect(await stats(campaignId)).toMatchObject({ bounced: 0, complaints: 0 });
    });
  });

  describe('Mailgun (HMAC signature in the body)', () => {
    const withSignature = (text: string, key = MAILGUN_KEY) => {
      const body = JSON.parse(text) as { signature: Record<string, string> };
      const token = randomUUID().replace(/-/g, '');
      const timestamp = String(Math.floor(Date.now() / 1000));
      body.signature = {
        timestamp,
        token,
        signature: createHmac('sha256', key)
          .update(timestamp + token)
          .digest('hex'),
      };
      return JSON.stringify(body);
    };

    it('delivered, failed (permanent / temporary), complained and a bot open, each once', async () => {
      const { campaignId, ids } = await campaignWith(3);
      const posts = [
        ['mailgun/delivered.json', ids[0]],
        ['mailgun/opened-bot.json', ids[0]],
        ['mailgun/failed-permanent.json', ids[1]],
        ['mailgun/failed-temporary.json', ids[2]],
        ['mailgun/complained.json', ids[0]],
      ].map(([path, id]) => fixture(path, { __MESSAGE_ID__: id }));
      for (const text of posts) {
        const response = await post('mailgun', withSignature(text), {});
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ recorded: 1, duplicates: 0 });
      }
      const after = await stats(campaignId);
      expect(after).toMatchObject({ bounced: 2, complaints: 1, totalOpens: 0 });
      for (const text of posts) {
        // A replay is re-signed (a fresh token), as Mailgun does when it retries.
        const response = await post('mailgun', withSignature(text), {});
        expect(response.body).toMatchObject({ recorded: 0, duplicates: 1 });
      }
      expect(await stats(campaignId)).toEqual(after);
      expect(await espEvents([ids[0]])).toContainEqual({ kind: 'open', machine: true });
    });

    it('a forged signature is 401; a signed body that is not as documented is 422 naming the field', async () => {
      const { campaignId, ids } = await campaignWith(1);
      const text = fixture('mailgun/failed-permanent.json', { __MESSAGE_ID__: ids[0] });
      await expectRefused(
        await post<Problem>('mailgun', withSignature(text, 'not-the-signing-key-00'), {}),
        'mailgun',
        'bad_signature',
      );
      const malformed = await post<Problem>('mailgun', withSignature('{"signature":{}}'), {});
      expect(malformed.status).toBe(422);
      expect(malformed.body.errors).toEqual([{ field: 'event-data', reason: 'must be an object' }]);
      expect(await stats(campaignId)).toMatchObject({ bounced: 0 });
    });
  });

  describe('Postmark (basic auth)', () => {
    const basic = (user: string, password: string) => ({
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
    });
    const auth = basic(POSTMARK.user, POSTMARK.password);

    it('Delivery, Bounce (hard, soft), SpamComplaint, Open and Click, each once', async () => {
      const { campaignId, ids } = await campaignWith(3);
      const posts = [
        ['postmark/delivery.json', ids[0]],
        ['postmark/open.json', ids[0]],
        ['postmark/click.json', ids[0]],
        ['postmark/spam-complaint.json', ids[0]],
        ['postmark/bounce-hard.json', ids[1]],
        ['postmark/bounce-soft.json', ids[2]],
      ].map(([path, id]) => fixture(path, { __MESSAGE_ID__: id }));
      for (const body of posts) {
        const response = await post('postmark', body, auth);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ recorded: 1 });
      }
      const after = await stats(campaignId);
      expect(after).toMatchObject({ bounced: 2, complaints: 1, totalOpens: 0 });
      for (const body of posts)
        expect((await post('postmark', body, auth)).body).toMatchObject({ duplicates: 1 });
      expect(await stats(campaignId)).toEqual(after);
    });

    it('wrong or missing credentials are 401', async () => {
      const body = fixture('postmark/delivery.json', { __MESSAGE_ID__: randomUUID() });
      await expectRefused(
        await post<Problem>('postmark', body, basic(POSTMARK.user, 'guess')),
        'postmark',
        'bad_credentials',
      );
      await expectRefused(
        await post<Problem>('postmark', body, {}),
        'postmark',
        'missing_signature',
      );
    });

    it('an unknown message id is reported, not fatal, and counted', async () => {
      const counted = () =>
        metricValue(emailTracking, 'email_esp_webhook_events_total', {
          provider: 'postmark',
          outcome: 'unknown_message',
        });
      const before = await counted();
      const unknown = randomUUID();
      const response = await post(
        'postmark',
        fixture('postmark/delivery.json', { __MESSAGE_ID__: unknown }),
        auth,
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        recorded: 0,
        duplicates: 0,
        ignored: 0,
        unknownMessageIds: [unknown],
        withoutMessageId: 0,
      });
      expect(await counted()).toBe(before + 1);
    });

    it('a provider-reported open never adds to the opens our pixel counted for the same message', async () => {
      const { campaignId, ids, pixelUrls } = await campaignWith(1);
      const pixel = await fetchPixel(gateway.url, pixelPath(pixelUrls[0]), {
        'user-agent': USER_AGENTS.thunderbird,
        'x-forwarded-for': '198.51.100.7',
      });
      expect(pixel.status).toBe(200);
      await eventually(
        () => stats(campaignId),
        (figures) => figures.totalOpens === 1,
      );
      const providerOpen = await post(
        'postmark',
        // Another message of Postmark's than the fixture's, as each real message has its own.
        fixture('postmark/open.json', {
          __MESSAGE_ID__: ids[0],
          '883953f4-6105-42a2-a16a-77a8eac79483': randomUUID(),
        }),
        auth,
      );
      expect(providerOpen.body).toMatchObject({ recorded: 1 });
      // Recorded synchronously before the answer: the figures are final here.
      expect(await stats(campaignId)).toMatchObject({ totalOpens: 1 });
      expect(await espEvents(ids)).toEqual([{ kind: 'open', machine: false }]);
    });
  });

  describe('Amazon SES through SNS', () => {
    const envelope = (
      fields: Record<string, string>,
      options: {
        version?: '1' | '2';
        key?: KeyObject | string;
        certPath?: string;
        topic?: string;
      } = {},
    ) => {
      const message: Record<string, string> = {
        MessageId: randomUUID(),
        TopicArn: options.topic ?? TOPIC,
        Timestamp: new Date().toISOString(),
        SignatureVersion: options.version ?? '1',
        SigningCertURL: `${awsOrigin}${options.certPath ?? '/SimpleNotificationService-test.pem'}`,
        ...fields,
      };
      const signedFields =
        message.Type === 'Notification'
          ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
          : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
      const text = signedFields
        .filter((field) => message[field] !== undefined)
        .map((field) => `${field}\n${message[field]}\n`)
        .join('');
      message.Signature = createSign(message.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256')
        .update(text)
        .sign(options.key ?? sns.privateKey, 'base64');
      return JSON.stringify(message);
    };
    // SNS posts its JSON as text/plain.
    const postSns = <T = Result>(body: string) =>
      post<T>('ses', body, {
        'content-type': 'text/plain; charset=UTF-8',
        'x-amz-sns-message-type': 'Notification',
      });

    it('confirms a subscription by fetching SubscribeURL', async () => {
      const subscribeUrl = `${awsOrigin}/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=2336412f37`;
      const response = await postSns<{ subscriptionConfirmed: boolean }>(
        envelope({
          Type: 'SubscriptionConfirmation',
          Token: '2336412f37',
          Message: `You have chosen to subscribe to the topic ${TOPIC}.`,
          SubscribeURL: subscribeUrl,
        }),
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ subscriptionConfirmed: true });
      expect(confirmations).toContain(subscribeUrl.slice(awsOrigin.length));
    });

    it('Delivery, Bounce (Permanent, Transient), Complaint and Open, signed v1 and v2, each once', async () => {
      const { campaignId, ids } = await campaignWith(3);
      const bodies = [
        envelope({
          Type: 'Notification',
          Message: fixture('ses/delivery.json', { __MESSAGE_ID__: ids[0] }),
        }),
        envelope(
          {
            Type: 'Notification',
            Message: fixture('ses/open-event.json', { __MESSAGE_ID__: ids[0] }),
          },
          { version: '2' },
        ),
        envelope({
          Type: 'Notification',
          Message: fixture('ses/complaint.json', { __MESSAGE_ID__: ids[0] }),
        }),
        envelope(
          {
            Type: 'Notification',
            Message: fixture('ses/bounce-permanent.json', { __MESSAGE_ID__: ids[1] }),
          },
          { version: '2' },
        ),
        envelope({
          Type: 'Notification',
          Message: fixture('ses/bounce-transient.json', { __MESSAGE_ID__: ids[2] }),
        }),
      ];
      for (const body of bodies) {
        const response = await postSns(body);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ recorded: 1 });
      }
      const after = await stats(campaignId);
      expect(after).toMatchObject({ bounced: 2, complaints: 1, totalOpens: 0 });
      // SNS delivers at least once: the same MessageId again counts nothing.
      for (const body of bodies)
        expect((await postSns(body)).body).toMatchObject({ duplicates: 1 });
      expect(await stats(campaignId)).toEqual(after);
      const statuses = await withDatabase(async (db) =>
        (
          await db.query<{ status: string }>(
            `SELECT status FROM email.messages WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`,
            [ids],
          )
        ).rows.map((row) => row.status),
      );
      expect(statuses).toEqual(['complaint', 'hard_bounce', 'soft_bounce']);
    });

    it.each<[string, () => string, string]>([
      [
        'signed by another key',
        () => envelope({ Type: 'Notification', Message: '{}' }, { key: snsForger }),
        'bad_signature',
      ],
      [
        'a certificate outside the trusted hosts',
        () =>
          envelope({ Type: 'Notification', Message: '{}' }).replace(
            /http:\/\/127\.0\.0\.1:\d+/,
            'https://sns.us-east-1.amazonaws.com.evil.example',
          ),
        'untrusted_certificate_url',
      ],
      [
        'a topic not configured',
        () =>
          envelope(
            { Type: 'Notification', Message: '{}' },
            { topic: 'arn:aws:sns:us-east-1:999999999999:other' },
          ),
        'unknown_topic',
      ],
    ])('an SNS notification refused: %s', async (_name, body, reason) => {
      await expectRefused(await postSns<Problem>(body()), 'ses', reason);
    });
  });

  it('an oversized webhook body is 413 and a signed body that is not JSON is 400, both problem+json', async () => {
    const tooBig = await postOverLimit<Problem>(
      `${gateway.url}/v1/email/webhooks/mailgun`,
      2 * 1024 * 1024,
      { 'content-type': 'application/json' },
    );
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const timestamp = '1700000000';
    const notJson = await post<Problem>('sendgrid', 'not json', {
      'content-type': 'text/plain',
      'x-twilio-email-event-webhook-timestamp': timestamp,
      'x-twilio-email-event-webhook-signature': sign(
        'sha256',
        Buffer.from(`${timestamp}not json`),
        sendGrid.privateKey,
      ).toString('base64'),
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.errors).toEqual([{ field: 'body', reason: 'must be JSON' }]);
  });

  it('an unknown provider, or one this gateway has no settings for, is 404 problem+json', async () => {
    const unknown = await post<Problem>('sparkpost', '[]', {});
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    const unconfigured = await post<Problem>('mailgun', '{}', {}, unconfiguredGateway);
    expect(unconfigured.status).toBe(404);
    expect(unconfigured.body).toMatchObject({ code: 'NOT_FOUND', provider: 'mailgun' });
  });

  it('no recipient address or webhook credential from these posts reaches a log line', () => {
    const logs = gateway.logs() + emailTracking.logs();
    expect(logs).toContain('request completed');
    for (const secret of [
      'jane@example.com',
      'richard@example.com',
      'example@test.com',
      'alice@example.com',
      'john@example.com',
      POSTMARK.password,
      Buffer.from(`${POSTMARK.user}:${POSTMARK.password}`).toString('base64'),
      MAILGUN_KEY,
    ])
      expect(logs).not.toContain(secret);
  });
});
