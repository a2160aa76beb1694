import { connect as natsConnect } from 'nats';
import { connect } from 'node:net';
import { Client } from 'pg';
import { AppSet, freePort, RunningApp } from '../support/apps';
import { apiClient, ApiResponse, postOverLimit } from '../support/http';
import { e2eRun } from '../support/test-env';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; reason: string }[];
}

const NUL = 'contains a NUL byte';
const SURROGATE = 'contains a lone UTF-16 surrogate';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}

/** One request written on a socket as is (what fetch refuses to send), and the answer parsed. */
async function rawHttp(
  port: number,
  request: string,
): Promise<{ status: number; head: string; body: string }> {
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.write(request);
  await new Promise<void>((resolve, reject) => {
    socket.once('close', () => resolve());
    socket.once('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
  });
  const text = Buffer.concat(chunks).toString('utf8');
  const [head, ...body] = text.split('\r\n\r\n');
  return {
    status: Number(head.split(' ')[1]),
    head: head.toLowerCase(),
    body: body.join('\r\n\r\n'),
  };
}

describe('hostile input at the edge: every refusal a 4xx problem+json naming the field, nothing written', () => {
  const apps = new AppSet();
  let gateway: RunningApp;
  let pixelPort: number;
  let api: ReturnType<typeof apiClient>;
  let db: Client;

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await db.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params)).rows[0].n);

  /** The answer is a problem+json of this status naming these fields (in any order). */
  function expectProblem(
    response: ApiResponse<unknown>,
    status: number,
    fields: [string, string?][] = [],
  ) {
    expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({
      status,
      type: expect.stringContaining('application/problem+json'),
    });
    const problem = response.body as Problem;
    expect(problem.status).toBe(status);
    for (const [field, reason] of fields)
      expect(problem.errors).toContainEqual(
        reason === undefined ? expect.objectContaining({ field }) : { field, reason },
      );
  }

  beforeAll(async () => {
    pixelPort = await freePort();
    await apps.start('glossary');
    await apps.start('crm-enrichment', { env: { CRM_FRESHNESS_INTERVAL_MS: '0' } });
    gateway = await apps.start('gateway', { env: { PIXEL_HTTP_PORT: String(pixelPort) } });
    api = apiClient(gateway.url);
    db = new Client({ connectionString: e2eRun().databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await apps.stopAll();
  });

  describe('the services refuse the same input on their own (NATS, no gateway in between)', () => {
    it.each([
      [
        'a NUL in a field',
        'glossary.term.create',
        { slug: 'nats-nul', name: 'A\u0000', definition: 'x' },
        'name',
        NUL,
      ],
      [
        'a lone surrogate in a list',
        'glossary.term.create',
        { slug: 'nats-surrogate', name: 'A', definition: 'x', aliases: ['\udfff'] },
        'aliases.0',
        SURROGATE,
      ],
      [
        'nesting 1,500 deep',
        'glossary.term.create',
        { slug: 'nats-deep', name: 'A', definition: 'x', details: nested(1500) },
        undefined,
        'nested deeper than 64 levels',
      ],
      [
        'a revision beyond integer',
        'glossary.revision.get',
        { slug: 'sales-champion', n: 2147483648 },
        'n',
        undefined,
      ],
    ])(
      '%s → VALIDATION_FAILED naming the field, nothing written',
      async (_what, subject, data, field, reason) => {
        const before = await count('glossary.terms');
        const run = e2eRun();
        const nc = await natsConnect({ servers: run.natsUrl });
        try {
          const reply = await nc.request(
            `${run.subjectPrefix}${subject}`,
            JSON.stringify({ pattern: subject, id: 'hostile', data }),
            { timeout: 5000 },
          );
          const { err } = reply.json<{
            err: { code: string; details: { violations: Problem['errors'] } };
          }>();
          expect(err.code).toBe('VALIDATION_FAILED');
          const violation = err.details.violations!.find(
            (v) => field === undefined || v.field === field,
          );
          expect(violation).toBeDefined();
          if (reason) expect(violation!.reason).toBe(reason);
        } finally {
          await nc.close();
        }
        expect(await count('glossary.terms')).toBe(before);
      },
    );
  });

  describe('JSON nested too deep', () => {
    it.each([
      ['1,500 levels', 1500],
      ['65 levels', 65],
    ])('%s → 400 naming the body, no term written', async (_what, levels) => {
      const before = await count('glossary.terms');
      const response = await api<Problem>('/v1/glossary/terms', {
        body: { slug: 'deep-term', name: 'Deep', definition: 'x', details: nested(levels - 1) },
      });
      expectProblem(response, 400, [['body', 'nested deeper than 64 levels']]);
      expect(await count('glossary.terms')).toBe(before);
    });

    it('a body that is only brackets is refused the same way', async () => {
      const response = await api<Problem>('/v1/crm/contacts', {
        rawBody: '['.repeat(5000) + ']'.repeat(5000),
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(response, 400, [['body']]);
    });
  });

  describe('NUL bytes and lone surrogates', () => {
    it.each([
      ['a NUL in a body field', { name: 'Nul\u0000Term' }, 'name', NUL],
      [
        'a lone surrogate in a body field',
        { definition: 'broken \ud800 text' },
        'definition',
        SURROGATE,
      ],
      ['a NUL inside an array', { aliases: ['fine', 'a\u0000'] }, 'aliases.1', NUL],
      [
        'a surrogate deep inside',
        { sources: [{ url: 'https://example.com', title: '\udc00' }] },
        'sources.0.title',
        SURROGATE,
      ],
    ])('%s → 400 naming %s, nothing written', async (_what, fields, field, reason) => {
      const before = await count('glossary.terms');
      const response = await api<Problem>('/v1/glossary/terms', {
        body: { slug: 'hostile-term', name: 'Hostile', definition: 'x', ...fields },
      });
      expectProblem(response, 400, [[field, reason]]);
      expect(await count('glossary.terms')).toBe(before);
    });

    it('a lone surrogate where an email is checked → 400 (the email check never sees it)', async () => {
      const response = await api<Problem>(
        '/v1/email/campaigns/9b2f3c1e-0f4a-4e55-9a51-3d1f6f0c2a10/messages',
        { body: { messages: [{ email: '\ud800' }] } },
      );
      expectProblem(response, 400, [['messages.0.email', SURROGATE]]);
    });

    it('a NUL in a contact field → 400, no contact', async () => {
      const before = await count('crm.contacts');
      const response = await api<Problem>('/v1/crm/contacts', {
        body: { email: 'nul@hostile-input.example', firstName: 'A\u0000' },
      });
      expectProblem(response, 400, [['firstName', NUL]]);
      expect(await count('crm.contacts')).toBe(before);
    });

    it.each([
      ['a NUL in a query parameter', '/v1/glossary/search?q=a%00b', 'q', NUL],
      ['a NUL in a path parameter', '/v1/glossary/terms/a%00b', 'slug', NUL],
      ['a NUL in a contact id', '/v1/crm/contacts/%00', 'id', NUL],
      ['a NUL in a list filter', '/v1/crm/contacts?email=%00', 'email', NUL],
    ])('%s → 400 naming %s', async (_what, path, field, reason) => {
      expectProblem(await api<Problem>(path), 400, [[field, reason]]);
    });

    it('a surrogate percent-encoded in a query parameter is no surrogate once decoded: searched as text', async () => {
      // %ED%A0%80 is a surrogate encoded as UTF-8 would be, which is not UTF-8: no surrogate comes
      // out of decoding it, and the search runs on storable text.
      const response = await api<{ items: unknown[] }>('/v1/glossary/search?q=%ED%A0%80');
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([]);
    });
  });

  describe('integer parameters beyond PostgreSQL integer', () => {
    it.each([
      ['a revision number', '/v1/glossary/terms/sales-champion/revisions/2147483648', 'n'],
      [
        'a huge revision number',
        '/v1/glossary/terms/sales-champion/revisions/99999999999999999999',
        'n',
      ],
      ['a page size', '/v1/crm/contacts?limit=2147483648', 'limit'],
    ])('%s → 400 naming %s', async (_what, path, field) => {
      expectProblem(await api<Problem>(path), 400, [[field]]);
    });

    it('the largest integer is a valid number (404: no such revision)', async () => {
      const response = await api<Problem>('/v1/glossary/terms/sales-champion/revisions/2147483647');
      expect(response.status).toBe(404);
    });

    it('an expected version in a body beyond integer → 400 naming it', async () => {
      const response = await api<Problem>('/v1/leads/no-such-lead/transitions', {
        body: { to: 'engaged', expectedVersion: 2147483648 },
      });
      expectProblem(response, 400, [['expectedVersion']]);
    });
  });

  describe("Fastify's own refusals are problem+json", () => {
    it('a path parameter longer than 100 characters → 414', async () => {
      expectProblem(await api<Problem>(`/v1/glossary/terms/${'a'.repeat(101)}`), 414, [['path']]);
    });

    it('bad percent-encoding → 400 naming the path', async () => {
      expectProblem(await api<Problem>('/v1/glossary/terms/%E0%A4%A'), 400, [
        ['path', 'not valid percent-encoding'],
      ]);
    });

    it('a body over the limit → 413', async () => {
      const response = await postOverLimit<Problem>(
        `${gateway.url}/v1/glossary/annotate`,
        1024 * 1024 + 10,
        { 'content-type': 'application/json', authorization: `Bearer ${e2eRun().adminKey}` },
      );
      expectProblem(response, 413);
    });

    it('headers too large → 431 problem+json written on the socket (API port and pixel listener)', async () => {
      for (const port of [gateway.port, pixelPort]) {
        const answer = await rawHttp(
          port,
          `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`,
        );
        expect(answer.status).toBe(431);
        expect(answer.head).toContain('content-type: application/problem+json');
        expect(JSON.parse(answer.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
      }
    });

    it('a request that is not HTTP → 400 problem+json', async () => {
      const answer = await rawHttp(gateway.port, 'HELLO\r\n\r\n');
      expect(answer.status).toBe(400);
      expect(answer.head).toContain('content-type: application/problem+json');
    });

    it('an unknown route → 404 problem+json', async () => {
      expectProblem(await api<Problem>('/v1/no-such-route'), 404);
    });
  });

  describe('JSON routes answer 415 to other media types', () => {
    const routeTakes = 'must be application/json';
    it.each([
      [
        'a multipart form',
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nform@hostile-input.example\r\n--x--\r\n',
        routeTakes,
      ],
      ['a CSV', 'text/csv', 'email\nform@hostile-input.example\n', routeTakes],
      // No parser reads a form at all: Fastify refuses it before any route runs.
      [
        'a URL-encoded form',
        'application/x-www-form-urlencoded',
        'email=form%40hostile-input.example',
        'Unsupported Media Type',
      ],
      ['plain text', 'text/plain', 'hello', routeTakes],
    ])('%s sent to POST /v1/crm/contacts → 415, no contact', async (_what, type, body, reason) => {
      const before = await count('crm.contacts');
      const response = await api<Problem>('/v1/crm/contacts', {
        rawBody: body,
        headers: { 'content-type': type },
      });
      expectProblem(response, 415, [['content-type', reason]]);
      expect(await count('crm.contacts')).toBe(before);
    });

    it('an empty multipart body → 415, no contact', async () => {
      const before = await count('crm.contacts');
      const response = await api<Problem>('/v1/crm/contacts', {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=fuzzb' },
      });
      expectProblem(response, 415, [['content-type', 'must be application/json']]);
      expect(await count('crm.contacts')).toBe(before);
    });

    it('a body without a content type → 415, no contact', async () => {
      const before = await count('crm.contacts');
      const body = '{"email":"untyped@hostile-input.example"}';
      const answer = await rawHttp(
        gateway.port,
        `POST /v1/crm/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${e2eRun().adminKey}\r\n` +
          `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      expect(answer.status).toBe(415);
      expect(answer.head).toContain('content-type: application/problem+json');
      expect(await count('crm.contacts')).toBe(before);
    });

    it('a JSON body to the CSV upload → 415', async () => {
      const response = await api<Problem>('/v1/crm/imports', { body: { file: 'x' } });
      expectProblem(response, 415, [['content-type']]);
    });
  });

  describe('broken multipart uploads → 400, no import', () => {
    const upload = (type: string, body: string | Buffer) =>
      api<Problem>('/v1/crm/imports', {
        rawBody: body as string,
        headers: { 'content-type': type },
      });
    const part = (name: string, fileName: string, content: string) =>
      `--b\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`;

    it.each([
      [
        'no boundary',
        'multipart/form-data',
        part('file', 'a.csv', 'email\na@x.example') + '--b--\r\n',
        'file',
      ],
      [
        'a truncated body',
        'multipart/form-data; boundary=b',
        part('file', 'a.csv', 'email\na@x.example').slice(0, 60),
        'file',
      ],
      [
        'the wrong part name',
        'multipart/form-data; boundary=b',
        part('upload', 'a.csv', 'email\na@x.example') + '--b--\r\n',
        'file',
      ],
      [
        'two files',
        'multipart/form-data; boundary=b',
        part('file', 'a.csv', 'email\na@x.example') +
          part('file', 'b.csv', 'email\nb@x.example') +
          '--b--\r\n',
        'file',
      ],
      ['no parts at all', 'multipart/form-data; boundary=b', '--b--\r\n', 'file'],
    ])('%s → 400 naming %s', async (_what, type, body, field) => {
      // An upload found broken after its import started leaves that import failed, nothing staged.
      const before = await count('crm.imports', `status <> 'failed'`);
      expectProblem(await upload(type, body), 400, [[field]]);
      expect(await count('crm.imports', `status <> 'failed'`)).toBe(before);
      expect(await count('crm.import_rows')).toBe(0);
    });

    it('a NUL in a header cell of the CSV → 400 naming the header, no import', async () => {
      const before = await count('crm.imports');
      const response = await upload(
        'multipart/form-data; boundary=b',
        part('file', 'a.csv', 'Email,First\u0000Name\na@x.example,Ann\n') + '--b--\r\n',
      );
      expectProblem(response, 400, [['headers.1', NUL]]);
      expect(await count('crm.imports')).toBe(before);
    });

    it('a body over the JSON limit that is not multipart at all → 400', async () => {
      const response = await upload(
        'multipart/form-data; boundary=fuzzb',
        'a'.repeat(1024 * 1024 + 1024),
      );
      expectProblem(response, 400, [['file']]);
    });

    it('a NUL in the file name is taken out, the file imported', async () => {
      const response = await upload(
        'multipart/form-data; boundary=b',
        part('file', 'con\u0000tacts.csv', 'email\nnul-name@hostile-input.example\n') + '--b--\r\n',
      );
      expect(response.status).toBe(202);
      const [row] = (
        await db.query(`SELECT file_name FROM crm.imports WHERE id = $1`, [
          (response.body as unknown as { id: string }).id,
        ])
      ).rows;
      expect(row.file_name).toBe('contacts.csv');
    });
  });

  describe('CSV imports: a row with a NUL or a lone surrogate is refused by row and column', () => {
    it('CRM: the other rows are imported, the bad ones reported with their row number and column', async () => {
      const csv = Buffer.concat([
        Buffer.from(
          [
            // Notes is no contact field: kept as a custom field, so its cells are checked too.
            'Email,First Name,Job Title,Notes',
            'row2@contoso-hostile-csv.com,Ann,VP Sales,',
            'row3@contoso-hostile-csv.com,B\u0000b,CTO,',
            'row4@contoso-hostile-csv.com,Cy,CFO,a NUL in a custom field: \u0000',
            'row5@contoso-hostile-csv.com,Dee,Head of ',
          ].join('\n'),
        ),
        // A surrogate as broken UTF-16 exports write it (CESU-8): not UTF-8, so the file is read as
        // Windows-1252 like any file with invalid UTF-8 — it cannot carry a lone surrogate in.
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from(' Ops,\n'),
      ]);
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'hostile.csv');
      const uploaded = await fetch(`${gateway.url}/v1/crm/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${e2eRun().adminKey}` },
        body: form,
      });
      expect(uploaded.status).toBe(202);
      const { id } = (await uploaded.json()) as { id: string };
      let view: { status: string; created: number; failed: number; errors: unknown[] } | undefined;
      for (let attempt = 0; attempt < 200; attempt++) {
        view = (await api<NonNullable<typeof view>>(`/v1/crm/imports/${id}`)).body;
        if (view.status === 'completed' || view.status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(view).toMatchObject({ status: 'completed', created: 2, failed: 2 });
      expect(view!.errors).toEqual([
        { row: 3, field: 'firstName', reason: NUL },
        { row: 4, field: 'column 4', reason: NUL },
      ]);
      const imported = await db.query(
        `SELECT email, fields->'title'->>'value' AS title FROM crm.contacts
         WHERE email LIKE '%@contoso-hostile-csv.com' ORDER BY email`,
      );
      expect(imported.rows).toEqual([
        { email: 'row2@contoso-hostile-csv.com', title: 'VP Sales' },
        { email: 'row5@contoso-hostile-csv.com', title: 'Head of \u00ed\u00a0\u20ac Ops' },
      ]);
    });

    it('glossary: the import (all rows or none) answers 400 naming the row and the column', async () => {
      const before = await count('glossary.terms');
      const csv = 'slug,name,definition\nfine-term,Fine,Fine.\nnul-term,Nul\u0000,Bad.\n';
      const response = await api<Problem>('/v1/glossary/import', {
        rawBody: csv,
        headers: { 'content-type': 'text/csv' },
      });
      expectProblem(response, 400, [['rows.2.name', NUL]]);
      expect(await count('glossary.terms')).toBe(before);
    });
  });
});
