import { NatsConnection } from 'nats';
import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { e2eRun } from '../support/test-env';
import { connectNats } from './support';

const KEYS = `k1:${Buffer.alloc(32, 3).toString('base64')}`;

describe('email: erase-id validation and pixel placement in rendered HTML', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let nc: NatsConnection;

  beforeAll(async () => {
    const env = { PIXEL_SIGNING_KEYS: KEYS, PIXEL_SIGNING_KEY_ID: 'k1' };
    nc = await connectNats();
    await apps.start('email-tracking', { env });
    gateway = await apps.start('gateway', { env });
    api = apiClient(gateway.url);
  }, 60_000);
  afterAll(async () => {
    await apps.stopAll();
    await nc.close();
  });

  it.each([
    ['a space', 'bad%20id'],
    ['a non-ASCII letter', 'contact-%C3%A9'],
    ['a NUL byte', 'c%00'],
    ['a quote', "c-1'--"],
    ['an encoded slash', '..%2F..%2Fetc'],
  ])(
    'DELETE tracking-data refuses an id with %s: 400 problem+json naming the field',
    async (_name, id) => {
      const response = await api(`/v1/email/contacts/${id}/tracking-data`, { method: 'DELETE' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    },
  );

  it('the service itself refuses a bad id sent straight over NATS, naming the field', async () => {
    const { subjectPrefix } = e2eRun();
    for (const data of [{ id: 'bad id' }, { id: 42 }, {}]) {
      const reply = await nc.request(
        `${subjectPrefix}email.contact.tracking.erase`,
        JSON.stringify({ pattern: 'email.contact.tracking.erase', id: 'erase-test', data }),
        { timeout: 5000 },
      );
      const text = reply.string();
      expect(text).toContain('VALIDATION_FAILED');
      expect(text).toContain('"field":"id"');
      expect(text).not.toContain('erasedOpens');
    }
  });

  it('a valid id is still erased (200)', async () => {
    const response = await api('/v1/email/contacts/c-erase-1/tracking-data', { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ contactId: 'c-erase-1', erasedOpens: 0, erasedClicks: 0 });
  });

  it('renders the pixel outside comments, scripts and styles, before the real </body>', async () => {
    const campaign = await api<{ id: string }>('/v1/email/campaigns', {
      body: { name: 'Render hostile', subject: 'Hi' },
    });
    const messages = await api<{ messages: { id: string; pixelUrl: string }[] }>(
      `/v1/email/campaigns/${campaign.body.id}/messages`,
      { body: { messages: [{ email: 'render@example.com' }] } },
    );
    const [message] = messages.body.messages;
    const cases: [string, string][] = [
      [
        '<html><BODY><p>Hi</p><!-- </body> --><script>var s="</body>";</script><style>/*</body>*/</style></Body></html>',
        '<html><BODY><p>Hi</p><!-- </body> --><script>var s="</body>";</script><style>/*</body>*/</style>@</Body></html>',
      ],
      ['<p>Hi</p><!-- </body> -->', '<p>Hi</p><!-- </body> -->@'],
      ['<p>Hi</p><script>document.write("</body>")', '<p>Hi</p>@<script>document.write("</body>")'],
    ];
    for (const [html, expected] of cases) {
      const rendered = await api<{ html: string; pixelUrl: string }>('/v1/email/render', {
        body: { messageId: message.id, html },
      });
      expect(rendered.status).toBe(200);
      const tag = `<img src="${message.pixelUrl}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px" />`;
      expect(rendered.body.html).toBe(expected.replace('@', tag));
    }
  });
});
