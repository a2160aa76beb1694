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
    api<{ overall: Group; groups: Group[] }>(`/v1/funnel/stats?${query}`);

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
    expect(overall.conversions).toEqual([
      { from: 'new', to: 'engaged', entered: 4, converted: 2, rate: 0.5 },
      { from: 'engaged', to: 'mql', entered: 2, converted: 1, rate: 0.5 },
      { from: 'mql', to: 'sql', entered: 1, converted: 1, rate: 1 },
      { from: 'sql', to: 'opportunity', entered: 1, converted: 1, rate: 1 },
      { from: 'opportunity', to: 'closed_won', entered: 1, converted: 1, rate: 1 },
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

  it('refuses an empty or reversed window and unknown groupings with 400', async () => {
    expect((await stats(`from=${to}&to=${from}`)).status).toBe(400);
    expect((await stats(`from=${from}`)).status).toBe(400);
    const badGroup = await stats(`from=${from}&to=${to}&groupBy=color`);
    expect(badGroup.status).toBe(400);
    expect(badGroup.body).toMatchObject({ errors: [{ field: 'groupBy' }] });
  });
});
