import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppSet } from '../support/apps';
import { eventually } from '../support/eventually';
import { Api, createLead, database, EventPublisher, startLeadFunnel } from './lead-funnel.harness';

const DAY = 86_400_000;

/**
 * The rollup as a direct computation from the lead rows gives it (the migration's statements):
 * every row of both tables, which the incremental upkeep must match exactly.
 */
async function rollupDifferences(db: Client) {
  const groupings = `FROM funnel.leads l, LATERAL (VALUES ('source', l.source),
      ('territory', l.territory_id), ('owner', l.owner_id)) AS d(dimension, key)`;
  const direct = {
    cohort: `SELECT d.dimension, (l.created_at AT TIME ZONE 'UTC')::date AS day, d.key, l.stage,
               l.lost_reason, l.stages_reached, l.stage_moves, count(*)::int AS leads
             ${groupings} GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    lengths: `SELECT d.dimension, (l.created_at AT TIME ZONE 'UTC')::date AS day, d.key, v.stage,
                v.seconds, count(*)::int AS visits
              ${groupings}, unnest(l.stage_path, l.visit_seconds) AS v(stage, seconds)
              WHERE v.seconds IS NOT NULL GROUP BY 1, 2, 3, 4, 5`,
  };
  const kept = {
    cohort: `SELECT dimension, day, key, stage, lost_reason, stages_reached, stage_moves, leads
             FROM funnel.funnel_cohort_days WHERE leads <> 0`,
    lengths: `SELECT dimension, day, key, stage, seconds, visits FROM funnel.funnel_stage_lengths
              WHERE visits <> 0`,
  };
  const count = async (sql: string) =>
    Number((await db.query(`SELECT count(*) FROM (${sql}) x`)).rows[0].count);
  return {
    cohortRows: await count(kept.cohort),
    cohortOnlyDirect: await count(`${direct.cohort} EXCEPT ${kept.cohort}`),
    cohortOnlyKept: await count(`${kept.cohort} EXCEPT ${direct.cohort}`),
    lengthRows: await count(kept.lengths),
    lengthsOnlyDirect: await count(`${direct.lengths} EXCEPT ${kept.lengths}`),
    lengthsOnlyKept: await count(`${kept.lengths} EXCEPT ${direct.lengths}`),
  };
}

const EXACT = {
  cohortOnlyDirect: 0,
  cohortOnlyKept: 0,
  lengthsOnlyDirect: 0,
  lengthsOnlyKept: 0,
};

describe('the funnel rollup, kept by the projection, is exactly the direct computation', () => {
  let apps: AppSet;
  let api: Api;
  let db: Client;

  beforeAll(async () => {
    ({ apps, api } = await startLeadFunnel());
    db = await database();
  });
  afterAll(async () => {
    await db.end();
    await apps.stopAll();
  });

  const move = async (id: string, ...steps: (string | [string, string])[]) => {
    for (const step of steps) {
      const [stage, reason] = Array.isArray(step) ? step : [step, undefined];
      const response = await api(`/v1/leads/${id}/transitions`, { body: { to: stage, reason } });
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    }
  };

  /**
   * Today's figures twice: over today's whole UTC day (read from the rollup) and over the same
   * day less its last millisecond (no whole day: read from the lead rows).
   */
  const bothWays = async (groupBy: string | null) => {
    const start = Math.floor(Date.now() / DAY) * DAY;
    const iso = (ms: number) => new Date(ms).toISOString();
    const group = groupBy ? `&groupBy=${groupBy}` : '';
    const read = async (to: number) => {
      const response = await api<{ overall: unknown; groups: unknown[] }>(
        `/v1/funnel/stats?from=${iso(start)}&to=${iso(to)}${group}`,
      );
      expect(response.status).toBe(200);
      return { overall: response.body.overall, groups: response.body.groups };
    };
    return { rollup: await read(start + DAY), direct: await read(start + DAY - 1) };
  };

  const expectExact = async () => {
    expect(await rollupDifferences(db)).toMatchObject(EXACT);
    for (const groupBy of [null, 'source', 'territory', 'owner']) {
      const { rollup, direct } = await bothWays(groupBy);
      expect(rollup).toEqual(direct);
    }
  };

  it('through stage moves, losses, loops, a territory reassignment and a rebuild', async () => {
    const previous = (await api<{ territories: unknown[] }>('/v1/territories')).body;
    const reassign = async (body: unknown) => {
      const saved = await api<{ reassignJobId: string }>('/v1/territories', {
        method: 'PUT',
        body,
      });
      expect(saved.status).toBe(200);
      await eventually(
        async () =>
          (await api<{ status: string }>(`/v1/territories/jobs/${saved.body.reassignJobId}`)).body,
        (job) => job.status !== 'running',
        { timeoutMs: 30_000, description: 'territory reassignment job' },
      );
    };
    // One territory for every lead with a known fit (a rule without criteria), then another.
    const everyone = (id: string, owner: string) => ({
      territories: [{ id, name: id, rules: [{}], owners: [owner] }],
    });
    const [first, second] = [randomUUID(), randomUUID()].map((id) => `t-${id.slice(0, 8)}`);
    try {
      await reassign(everyone(first, 'rollup-a'));
      const contactId = `c-${randomUUID()}`;
      const events = await EventPublisher.connect();
      await events.publishContactEnriched(contactId);
      await events.close();
      const unowned = await eventually(
        () => createLead(api, { source: 'inbound', contactId }),
        (created) => created.territoryId === first,
        { description: 'a lead in the territory' },
      );
      const owner = `rollup-${randomUUID()}`;
      const leads = [];
      for (const source of ['inbound', 'inbound', 'outbound', 'event', 'partner', 'referral'])
        leads.push(await createLead(api, { source, contactId, ownerId: owner }));
      const [a, b, c, d] = leads;
      await move(a.id, 'engaged', 'mql', 'sql', 'opportunity', 'closed_won');
      await move(b.id, 'engaged', ['closed_lost', 'no_budget'], 'recycled', 'engaged');
      await move(c.id, ['closed_lost', 'no_need']);
      await move(d.id, 'engaged', 'mql', 'engaged', 'mql');
      await move(unowned.id, 'engaged');
      const ours = await rollupDifferences(db);
      expect(ours.cohortRows).toBeGreaterThan(0);
      expect(ours.lengthRows).toBeGreaterThan(0);
      await expectExact();
      const byOwner = await bothWays('owner');
      const mine = (byOwner.rollup.groups as { key: string; leads: number }[]).find(
        (g) => g.key === owner,
      );
      expect(mine?.leads).toBe(6);

      await reassign(everyone(second, 'rollup-b'));
      expect((await api(`/v1/leads/${unowned.id}`)).body).toMatchObject({
        territoryId: second,
        ownerId: 'rollup-b',
      });
      expect((await api(`/v1/leads/${d.id}`)).body).toMatchObject({
        territoryId: second,
        ownerId: owner,
      });
      await expectExact();
    } finally {
      await reassign({ territories: previous.territories });
    }
    await expectExact();

    // The rebuild writes the rollup again from the replayed streams: the same rows.
    const snapshot = async () =>
      (
        await db.query(
          `SELECT * FROM funnel.funnel_cohort_days WHERE leads <> 0 ORDER BY dimension, day, key, stage,
             lost_reason, stages_reached::text, stage_moves::text`,
        )
      ).rows;
    const before = await snapshot();
    const rebuilt = await api('/v1/funnel/projections/rebuild', { method: 'POST' });
    expect(rebuilt.status).toBe(200);
    expect(await snapshot()).toEqual(before);
    await expectExact();
  });
});
