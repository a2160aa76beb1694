import { AppSet } from '../support/apps';
import { Api, createLead, startLeadFunnel } from './lead-funnel.harness';

interface Group {
  key: string | null;
  leads: number;
  byStage: Record<string, number>;
  reached: Record<string, number>;
  conversions: {
    from: string;
    to: string;
    entered: number;
    converted: number;
    rate: number | null;
  }[];
  won: number;
  lost: number;
  winRate: number | null;
  medianSecondsInStage: Record<string, number | null>;
  lostReasons: Record<string, number>;
}

describe('funnel analytics over the cohort of leads created in [from, to)', () => {
  let apps: AppSet;
  let api: Api;
  let from: string;
  let to: string;

  beforeAll(async () => {
    ({ apps, api } = await startLeadFunnel());
    await new Promise((resolve) => setTimeout(resolve, 20));
    from = new Date().toISOString();
    const move = async (id: string, ...steps: (string | [string, string])[]) => {
      for (const step of steps) {
        const [stage, reason] = Array.isArray(step) ? step : [step, undefined];
        const response = await api(`/v1/leads/${id}/transitions`, { body: { to: stage, reason } });
        if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      }
    };
    const a = await createLead(api, { source: 'inbound' });
    const b = await createLead(api, { source: 'inbound' });
    const c = await createLead(api, { source: 'outbound' });
    await createLead(api, { source: 'partner' });
    await move(a.id, 'engaged', 'mql', 'sql', 'opportunity', 'closed_won');
    await move(b.id, 'engaged', ['closed_lost', 'no_budget']);
    await move(c.id, ['closed_lost', 'no_need']);
    to = new Date(Date.now() + 1).toISOString();
  });
  afterAll(() => apps.stopAll());

  const stats = (query: string) =>
    api<{ definitionVersion: number; overall: Group; groups: Group[] }>(
      `/v1/funnel/stats?${query}`,
    );
  const moves = (group: Group) =>
    group.conversions.map((c) => [`${c.from}>${c.to}`, c.entered, c.converted, c.rate]);

  it('counts stages, conversions, win rate and lost reasons as defined', async () => {
    const response = await stats(`from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    const { overall } = response.body;
    // a: new→…→closed_won; b: new→engaged→closed_lost; c: new→closed_lost; d: new.
    expect(overall.leads).toBe(4);
    expect(overall.byStage).toMatchObject({ new: 1, engaged: 0, closed_won: 1, closed_lost: 2 });
    expect(overall.reached).toMatchObject({
      new: 4,
      engaged: 2,
      mql: 1,
      sql: 1,
      opportunity: 1,
      closed_won: 1,
      closed_lost: 2,
    });
    // One conversion per move the default definition allows, direct moves only.
    expect(moves(overall)).toEqual([
      ['new>engaged', 4, 2, 0.5],
      ['new>closed_lost', 4, 1, 0.25],
      ['engaged>mql', 2, 1, 0.5],
      ['engaged>closed_lost', 2, 1, 0.5],
      ['mql>sql', 1, 1, 1],
      ['mql>engaged', 1, 0, 0],
      ['mql>closed_lost', 1, 0, 0],
      ['sql>opportunity', 1, 1, 1],
      ['sql>closed_lost', 1, 0, 0],
      ['opportunity>closed_won', 1, 1, 1],
      ['opportunity>closed_lost', 1, 0, 0],
      ['closed_lost>recycled', 2, 0, 0],
      ['recycled>engaged', 0, 0, null],
      ['recycled>closed_lost', 0, 0, null],
    ]);
    expect(overall).toMatchObject({ won: 1, lost: 2, winRate: 0.3333 });
    expect(overall.lostReasons).toEqual({ no_budget: 1, no_need: 1 });
    expect(overall.medianSecondsInStage.new).toBeGreaterThan(0);
    expect(overall.medianSecondsInStage.closed_won).toBeNull();
  });

  it('groups by source, and counts only leads created inside the window', async () => {
    const bySource = await stats(`from=${from}&to=${to}&groupBy=source`);
    expect(bySource.body.groups.map((g) => [g.key, g.leads, g.won, g.lost, g.winRate])).toEqual([
      ['inbound', 2, 1, 1, 0.5],
      ['outbound', 1, 0, 1, 0],
      ['partner', 1, 0, 0, null],
    ]);
    const later = await stats(`from=${to}&to=2100-01-01T00:00:00Z`);
    expect(later.body.overall.leads).toBe(0);
  });

  it('follows the transitions of a custom definition whose path differs from the default', async () => {
    const current = await api<{
      version: number;
      transitions: unknown[];
      lostReasons: string[];
    }>('/v1/funnel/definition');
    const saved = await api<{ version: number }>('/v1/funnel/definition', {
      method: 'PUT',
      body: {
        transitions: [
          { from: 'new', to: ['sql', 'closed_lost'] },
          { from: 'sql', to: ['closed_won', 'closed_lost'] },
        ],
        lostReasons: ['no_budget'],
      },
    });
    expect(saved.status).toBe(200);
    try {
      const since = new Date().toISOString();
      const move = async (id: string, stage: string, reason?: string) =>
        expect(
          (await api(`/v1/leads/${id}/transitions`, { body: { to: stage, reason } })).status,
        ).toBe(201);
      const won = await createLead(api);
      const lostLate = await createLead(api);
      const lostEarly = await createLead(api);
      await move(won.id, 'sql');
      await move(won.id, 'closed_won');
      await move(lostLate.id, 'sql');
      await move(lostLate.id, 'closed_lost', 'no_budget');
      await move(lostEarly.id, 'closed_lost', 'no_budget');
      const until = new Date(Date.now() + 1).toISOString();
      const response = await stats(`from=${since}&to=${until}`);
      expect(response.body.definitionVersion).toBe(saved.body.version);
      expect(moves(response.body.overall)).toEqual([
        ['new>sql', 3, 2, 0.6667],
        ['new>closed_lost', 3, 1, 0.3333],
        ['sql>closed_won', 2, 1, 0.5],
        ['sql>closed_lost', 2, 1, 0.5],
      ]);
    } finally {
      const restored = await api('/v1/funnel/definition', {
        method: 'PUT',
        body: { transitions: current.body.transitions, lostReasons: current.body.lostReasons },
      });
      expect(restored.status).toBe(200);
    }
  });

  it('refuses an empty or reversed window and unknown groupings with 400', async () => {
    expect((await stats(`from=${to}&to=${from}`)).status).toBe(400);
    expect((await stats(`from=${from}`)).status).toBe(400);
    const badGroup = await stats(`from=${from}&to=${to}&groupBy=color`);
    expect(badGroup.status).toBe(400);
    expect(badGroup.body).toMatchObject({ errors: [{ field: 'groupBy' }] });
  });
});
