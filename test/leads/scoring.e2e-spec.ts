import { AppSet } from '../support/apps';
import {
  Api,
  createLead,
  HistoryBody,
  LeadBody,
  putModel,
  startLeadFunnel,
} from './lead-funnel.harness';

/** A model where only meetings count, so scores are easy to compute by hand. */
function meetingModel(points: number) {
  return {
    fit: [{ id: 'vp', attribute: 'seniority', values: ['vp'], points: 10 }],
    engagement: [{ id: 'meeting', event: 'meeting_booked', points, halfLifeDays: 3650 }],
    committee: { pointsPerRole: 0, maxPoints: 0 },
    champion: { points: 0 },
    qualification: { mqlThreshold: 50, hysteresis: 10 },
  };
}

describe('scoring model, re-score jobs and MQL qualification', () => {
  let apps: AppSet;
  let api: Api;

  beforeAll(async () => {
    ({ apps, api } = await startLeadFunnel());
  });
  afterAll(() => apps.stopAll());

  it('refuses invalid models with 400 naming each field, and keeps the current version', async () => {
    const before = await api<{ version: number }>('/v1/scoring/model');
    expect(before.status).toBe(200);
    const dtoErrors = await api('/v1/scoring/model', {
      method: 'PUT',
      body: {
        ...meetingModel(30),
        fit: [{ id: 'feet', attribute: 'shoe_size', values: ['44'], points: 1 }],
        engagement: [{ id: 'meeting', event: 'meeting_booked', points: 5, halfLifeDays: -3 }],
      },
    });
    expect(dtoErrors.status).toBe(400);
    expect((dtoErrors.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'engagement.0.halfLifeDays',
      'fit.0.attribute',
    ]);
    expect(String(dtoErrors.body.detail)).toContain('halfLifeDays must be a positive number');

    const domainErrors = await api('/v1/scoring/model', {
      method: 'PUT',
      body: {
        ...meetingModel(30),
        fit: [{ id: 'vp', attribute: 'seniority', values: ['wizard'], points: 1 }],
      },
    });
    expect(domainErrors.status).toBe(400);
    expect(domainErrors.body).toMatchObject({
      errors: [{ field: 'fit.0.values.0', reason: expect.stringContaining('is not a seniority') }],
    });
    const after = await api<{ version: number }>('/v1/scoring/model');
    expect(after.body.version).toBe(before.body.version);
  });

  it('re-scores every lead in the background after a model change, with progress', async () => {
    const leads = await Promise.all([1, 2, 3].map(() => createLead(api)));
    const saved = await api<{ version: number; rescoreJobId: string }>('/v1/scoring/model', {
      method: 'PUT',
      body: meetingModel(30),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.rescoreJobId).toEqual(expect.any(String));
    let job: {
      status: string;
      progress: number;
      processed: number;
      total: number;
      modelVersion: number;
    };
    do {
      job = (await api<typeof job>(`/v1/scoring/jobs/${saved.body.rescoreJobId}`)).body;
      expect(job.progress).toBeGreaterThanOrEqual(0);
      expect(job.progress).toBeLessThanOrEqual(1);
    } while (job.status === 'running');
    expect(job).toMatchObject({
      status: 'completed',
      progress: 1,
      modelVersion: saved.body.version,
    });
    expect(job.processed).toBe(job.total);
    expect(job.total).toBeGreaterThanOrEqual(3);
    for (const lead of leads) {
      const rescored = await api<LeadBody>(`/v1/leads/${lead.id}`);
      expect(rescored.body.scoreModelVersion).toBe(saved.body.version);
      const history = await api<HistoryBody>(`/v1/leads/${lead.id}/history`);
      expect(history.body.events[history.body.events.length - 1]).toMatchObject({
        type: 'ScoreChanged',
        actor: 'rescore-job',
        data: { modelVersion: saved.body.version, total: 0 },
      });
    }
    expect((await api('/v1/scoring/jobs/6f1c2a8e-1111-4222-8333-944455556666')).status).toBe(404);
  });

  it('qualifies an engaged lead at the threshold, keeps it inside the hysteresis band, demotes it below', async () => {
    await putModel(api, meetingModel(30));
    const lead = await createLead(api, { source: 'inbound' });
    const meeting = () =>
      api<LeadBody>(`/v1/leads/${lead.id}/engagements`, { body: { type: 'meeting_booked' } });
    const first = await meeting();
    expect(first.body).toMatchObject({ stage: 'engaged', totalScore: 30 });
    const second = await meeting();
    expect(second.body).toMatchObject({ stage: 'mql', totalScore: 60 });

    const history = await api<HistoryBody>(`/v1/leads/${lead.id}/history`);
    const automatic = history.body.events.filter(
      (event) => event.type === 'StageChanged' && event.data.automatic === true,
    );
    expect(automatic.map((event) => event.data.to)).toEqual(['engaged', 'mql']);
    const qualified = await api<{ version: number }>('/v1/scoring/model');
    expect(automatic[1].data.cause).toEqual({
      score: 60,
      threshold: 50,
      hysteresis: 10,
      modelVersion: qualified.body.version,
    });

    await putModel(api, meetingModel(21)); // 42: inside the band [40, 50)
    const inBand = await api<LeadBody>(`/v1/leads/${lead.id}`);
    expect(inBand.body).toMatchObject({ stage: 'mql', totalScore: 42 });

    const lowered = await putModel(api, meetingModel(15)); // 30 < 40: back to engaged
    const demoted = await api<LeadBody>(`/v1/leads/${lead.id}`);
    expect(demoted.body).toMatchObject({ stage: 'engaged', totalScore: 30 });
    const after = await api<HistoryBody>(`/v1/leads/${lead.id}/history`);
    expect(after.body.events[after.body.events.length - 1]).toMatchObject({
      type: 'StageChanged',
      actor: 'rescore-job',
      data: {
        from: 'mql',
        to: 'engaged',
        automatic: true,
        cause: { score: 30, threshold: 50, hysteresis: 10, modelVersion: lowered.version },
      },
    });
  });

  it('never demotes a lead that was qualified by hand', async () => {
    await putModel(api, meetingModel(30));
    const lead = await createLead(api);
    await api(`/v1/leads/${lead.id}/transitions`, { body: { to: 'engaged' } });
    const manual = await api<LeadBody>(`/v1/leads/${lead.id}/transitions`, { body: { to: 'mql' } });
    expect(manual.body.stage).toBe('mql');
    await putModel(api, meetingModel(1));
    expect((await api<LeadBody>(`/v1/leads/${lead.id}`)).body.stage).toBe('mql');
  });
});
