import Fastify from 'fastify';
import {
  computeSecurityHeaders,
  GATEWAY_HELMET_OPTIONS,
  registerSecurityHeaders,
} from './security-headers';

describe('security headers', () => {
  it("are helmet's defaults with the gateway's content security policy", () => {
    const headers = computeSecurityHeaders(GATEWAY_HELMET_OPTIONS);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    const csp = headers['content-security-policy'].split(';');
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "script-src 'self' 'unsafe-inline'",
      ]),
    );
  });

  it('follow the options: a header switched off is not sent', () => {
    const headers = computeSecurityHeaders({
      contentSecurityPolicy: GATEWAY_HELMET_OPTIONS.contentSecurityPolicy,
      frameguard: false,
    });
    expect(headers).not.toHaveProperty('x-frame-options');
    expect(headers).toHaveProperty('x-content-type-options', 'nosniff');
  });

  it('are sent with every response, errors included', async () => {
    const fastify = Fastify();
    registerSecurityHeaders(fastify, GATEWAY_HELMET_OPTIONS);
    fastify.get('/ok', () => ({ ok: true }));
    const found = await fastify.inject({ url: '/ok' });
    const missing = await fastify.inject({ url: '/nowhere' });
    for (const response of [found, missing]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    }
    await fastify.close();
  });
});
