import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { CompanyDirectoryProvider } from './company-directory.provider';
import {
  HttpCompanyProvider,
  HttpProviderOptions,
  parseCompanyFacts,
} from './http-company.provider';
import { CircuitOpenError } from './resilience';

type Behaviour = (request: IncomingMessage, response: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 that misbehaves as each test tells it to. */
describe('HttpCompanyProvider against a misbehaving HTTP server', () => {
  let server: Server;
  let baseUrl: string;
  let behaviour: Behaviour;
  let requests: IncomingMessage[];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request);
      behaviour(request, response);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  beforeEach(() => {
    requests = [];
  });

  const provider = (overrides: Partial<HttpProviderOptions> = {}) =>
    new HttpCompanyProvider({
      name: 'test-http',
      urlTemplate: `${baseUrl}/companies?domain={domain}`,
      authHeader: 'Authorization: Bearer secret-token',
      timeoutMs: 200,
      retries: 2,
      backoffBaseMs: 5,
      backoffMaxMs: 20,
      breakerFailureThreshold: 3,
      breakerCooldownMs: 60_000,
      ratePerSecond: 1000,
      rateBurst: 100,
      verified: false,
      ...overrides,
    });
  const json =
    (status: number, body: unknown): Behaviour =>
    (_, response) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };

  it('reads the company, sending the auth header and the encoded domain', async () => {
    behaviour = json(200, {
      name: 'Acme',
      industry: 'Robots',
      employeeRange: '51-200',
      country: 'Germany',
    });
    await expect(provider().lookupCompany('acme.com')).resolves.toEqual({
      name: 'Acme',
      industry: 'Robots',
      employeeRange: '51-200',
      country: 'DE',
    });
    expect(requests[0].url).toBe('/companies?domain=acme.com');
    expect(requests[0].headers.authorization).toBe('Bearer secret-token');
  });

  it('answers null for 404 (unknown company) without retrying', async () => {
    behaviour = json(404, { error: 'not found' });
    await expect(provider().lookupCompany('nobody.com')).resolves.toBeNull();
    expect(requests).toHaveLength(1);
  });

  it('retries 500s with back-off and succeeds when the server recovers', async () => {
    let calls = 0;
    behaviour = (request, response) =>
      ++calls < 3
        ? json(500, 'oops')(request, response)
        : json(200, { name: 'Acme' })(request, response);
    await expect(provider().lookupCompany('acme.com')).resolves.toMatchObject({ name: 'Acme' });
    expect(requests).toHaveLength(3);
  });

  it('gives up after the retries on a slow server (timeout per attempt)', async () => {
    behaviour = (_, response) => {
      setTimeout(() => json(200, { name: 'late' })(_, response), 10_000).unref();
    };
    const started = Date.now();
    await expect(provider({ retries: 1 }).lookupCompany('slow.com')).rejects.toThrow(/Timeout/);
    expect(requests).toHaveLength(2);
    // Two 200 ms attempts, not the server's 10 s (with room for a loaded machine).
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses garbage JSON without retrying it', async () => {
    behaviour = json(200, '{"name": "Acme", oops');
    await expect(provider().lookupCompany('acme.com')).rejects.toThrow('not JSON');
    behaviour = json(200, '[1,2,3]');
    await expect(provider().lookupCompany('acme.com')).rejects.toThrow('not an object');
    expect(requests).toHaveLength(2);
  });

  it('opens the circuit after repeated failures and then stops calling the server', async () => {
    behaviour = json(503, 'down');
    const breaking = provider({ retries: 0, breakerFailureThreshold: 2 });
    await expect(breaking.lookupCompany('a.com')).rejects.toThrow('503');
    await expect(breaking.lookupCompany('a.com')).rejects.toThrow('503');
    await expect(breaking.lookupCompany('a.com')).rejects.toBeInstanceOf(CircuitOpenError);
    expect(requests).toHaveLength(2);
    expect(breaking.breaker.state).toBe('open');
  });

  it('rate limits: calls beyond the burst wait for tokens', async () => {
    behaviour = json(200, { name: 'Acme' });
    const limited = provider({ ratePerSecond: 10, rateBurst: 1 });
    const started = Date.now();
    await Promise.all([
      limited.lookupCompany('a.com'),
      limited.lookupCompany('b.com'),
      limited.lookupCompany('c.com'),
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(requests).toHaveLength(3);
  });

  it('ignores values of the wrong shape instead of storing them', () => {
    expect(
      parseCompanyFacts('{"name": 42, "employeeRange": "lots", "country": "Atlantis"}', 'x'),
    ).toEqual({
      name: null,
      industry: null,
      employeeRange: null,
      country: null,
    });
  });
});

describe('CompanyDirectoryProvider', () => {
  const directory = new CompanyDirectoryProvider(
    'domain,name,industry,employee_range,country\nwww.Acme.com,Acme,Robots,51-200,Germany\nbad,,,,\nglobex.co.uk,Globex,,huge,GB\n',
  );

  it('finds companies by registrable domain, with ISO countries and known ranges only', async () => {
    expect(directory.size).toBe(2);
    await expect(directory.lookupCompany('acme.com')).resolves.toEqual({
      name: 'Acme',
      industry: 'Robots',
      employeeRange: '51-200',
      country: 'DE',
    });
    await expect(directory.lookupCompany('globex.co.uk')).resolves.toMatchObject({
      employeeRange: null,
      country: 'GB',
    });
    await expect(directory.lookupCompany('unknown.com')).resolves.toBeNull();
  });

  it('reads the shipped sample file', () => {
    const shipped = CompanyDirectoryProvider.fromFile(
      `${__dirname}/../../data/company-directory.csv`,
    );
    expect(shipped.size).toBeGreaterThanOrEqual(30);
  });
});
