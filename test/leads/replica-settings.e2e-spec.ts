import { AppSet, RunningApp } from '../support/apps';
import { apiClient } from '../support/http';
import { metricValue } from '../support/metrics';
import { Api, createLead, LeadBody } from './lead-funnel.harness';

interface Definition {
  version: number;
  transitions: { from: string; to: string[] }[];
  lostReasons: string[];
}

const served = (app: RunningApp, subject: string) =>
  metricValue(app, 'nats_server_requests_total', { subject, outcome: 'ok' });

// Requests reach one replica or the other at random (queue group); each replica's metrics tell
// whether it answered some of them.
describe('lead-funnel settings on two replicas', () => {
  const apps = new AppSet();
  let replicas: RunningApp[];
  let api: Api;

  beforeAll(async () => {
    replicas = await Promise.all([apps.start('lead-funnel'), apps.start('lead-funnel')]);
    const gateway = await apps.start('gateway', {
      env: { NATS_REQUEST_TIMEOUT_MS: '10000', RATE_LIMIT_PER_MINUTE: '100000' },
    });
    api = apiClient(gateway.url);
  });
  afterAll(() => apps.stopAll());

  /** How many requests of each subject each replica answered, replica by replica. */
  const counts = (subjects: string[]) =>
    Promise.all(replicas.flatMap((app) => subjects.map((subject) => served(app, subject))));

  it('a funnel definition saved through one replica holds at once for reads and commands on both', async () => {
    // First each replica reads the settings, as a replica that kept them in memory would.
    const warmed = ['lead.funnel.definition.get', 'lead.create'];
    const cold = await counts(warmed);
    for (let round = 0; ; round++) {
      await api('/v1/funnel/definition');
      await createLead(api);
      if ((await counts(warmed)).every((count, i) => count > cold[i])) break;
      if (round > 40) throw new Error('the requests never reached both replicas');
    }
    const current = (await api<Definition>('/v1/funnel/definition')).body;
    const saved = await api<Definition>('/v1/funnel/definition', {
      method: 'PUT',
      body: {
        transitions: current.transitions,
        lostReasons: [...current.lostReasons, 'replica_check'],
      },
    });
    expect(saved.status).toBe(200);
    const subjects = ['lead.funnel.definition.get', 'lead.transition'];
    try {
      const before = await counts(subjects);
      // No waiting: from the PUT's answer on, every replica reads and decides with the new version.
      for (let round = 0; ; round++) {
        const read = await api<Definition>('/v1/funnel/definition');
        expect(read.body.version).toBe(saved.body.version);
        const lead = await createLead(api);
        const lost = await api<LeadBody>(`/v1/leads/${lead.id}/transitions`, {
          body: { to: 'closed_lost', reason: 'replica_check' },
        });
        expect(lost.status).toBe(201);
        expect(lost.body.lostReason).toBe('replica_check');
        const after = await counts(subjects);
        if (after.every((count, i) => count > before[i])) break;
        if (round > 40) throw new Error('the requests never reached both replicas');
      }
    } finally {
      const restored = await api('/v1/funnel/definition', {
        method: 'PUT',
        body: { transitions: current.transitions, lostReasons: current.lostReasons },
      });
      expect(restored.status).toBe(200);
    }
  });
});
