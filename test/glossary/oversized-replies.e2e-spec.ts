import { glossaryApps } from './glossary-helpers';

describe('a refusal too large for one NATS message', () => {
  const ctx = glossaryApps();

  it('is a 400 with the first 100 violations, and the service keeps running', async () => {
    const row = {
      slug: 'too-many-relations',
      name: 'Too many relations',
      definition: 'A row whose 5,000 relations are all malformed.',
      relations: Array.from({ length: 5000 }, (_, index) => `not-an-object-${index}`),
    };
    const refused = await ctx.api<{ errors: unknown[]; omittedViolations: number }>(
      '/v1/glossary/import',
      { body: [row] },
    );
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors).toHaveLength(100);
    expect(refused.body.omittedViolations).toBeGreaterThan(4900);

    const after = await ctx.api('/v1/glossary/terms/closed-lost');
    expect(after.status).toBe(200);
    expect(ctx.glossary.logs()).not.toMatch(/MAX_PAYLOAD_EXCEEDED[\s\S]*Node\.js v/);
  });
});
