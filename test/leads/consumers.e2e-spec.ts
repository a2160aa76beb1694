import { randomUUID } from 'node:crypto';
import { AppSet, RunningApp } from '../support/apps';
import { eventually } from '../support/eventually';
import { e2eRun } from '../support/test-env';
import {
  Api,
  createLead,
  EventPublisher,
  HistoryBody,
  LeadBody,
  putModel,
  startLeadFunnel,
  contactFit,
} from './lead-funnel.harness';

const DUPLICATE_WINDOW_MS = 1000;

/** Opens count 5 with no cap; fit: vp +20, DE +7. */
const MODEL = {
  fit: [
    { id: 'vp', attribute: 'seniority', values: ['vp'], points: 20 },
    { id: 'germany', attribute: 'country', values: ['DE'], points: 7 },
  ],
  engagement: [{ id: 'open', event: 'email_opened', points: 5, halfLifeDays: 3650 }],
  committee: { pointsPerRole: 0, maxPoints: 0 },
  champion: { points: 0 },
  qualification: { mqlThreshold: 1000, hysteresis: 0 },
};

describe('consumers: email.opened and crm.contact.* through real JetStream', () => {
  let apps: AppSet;
  let api: Api;
  let funnel: RunningApp;
  let events: EventPublisher;

  const open = (contactId: string | null, leadId: string | null, classification = 'human') => ({
    messageId: `m-${randomUUID()}`,
    campaignId: 'cmp-1',
    contactId,
    leadId,
    openedAt: new Date().toISOString(),
    classification,
  });
  const leadOf = async (id: string) => (await api<LeadBody>(`/v1/leads/${id}`)).body;
  const history = async (id: string) => (await api<HistoryBody>(`/v1/leads/${id}/history`)).body;
  const opensOf = async (id: string) =>
    (await history(id)).events.filter((event) => event.type === 'EngagementRecorded').length;
  const waitForOpens = (id: string, count: number) =>
    eventually(
      () => opensOf(id),
      (opens) => opens === count,
      { timeoutMs: 10_000, description: `${count} opens` },
    );

  beforeAll(async () => {
    ({ apps, api, funnel } = await startLeadFunnel());
    events = await EventPublisher.connect();
    await putModel(api, MODEL);
    // The consumer created the stream; shorten its duplicate window so that a message published
    // again with the same Nats-Msg-Id reaches the consumer (as after a producer crash).
    const manager = await events.nats.jetstreamManager();
    const stream = `${e2eRun().subjectPrefix.replace(/\./g, '_')}EMAIL_EVENTS`;
    const info = (await eventually(
      () => manager.streams.info(stream).catch(() => undefined),
      (found) => found !== undefined,
    ))!;
    await manager.streams.update(stream, {
      ...info.config,
      duplicate_window: DUPLICATE_WINDOW_MS * 1_000_000,
    });
  });
  afterAll(async () => {
    await events.close();
    await apps.stopAll();
  });

  it('scores a human open once, even when the same message is delivered again', async () => {
    const contactId = `c-${randomUUID()}`;
    const lead = await createLead(api, { source: 'inbound', contactId });
    const first = open(contactId, null);
    expect((await events.publish('email.opened', first, first.messageId)).duplicate).toBe(false);
    // Inside the window JetStream itself drops the copy; after it, the copy is stored and
    // delivered, and the consumer's inbox must recognise it.
    expect((await events.publish('email.opened', first, first.messageId)).duplicate).toBe(true);
    const windowEnds = Date.now() + DUPLICATE_WINDOW_MS + 300;
    const scored = await eventually(
      () => leadOf(lead.id),
      (current) => current.engagementScore === 5,
    );
    expect(scored.stage).toBe('engaged');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, windowEnds - Date.now())));
    expect((await events.publish('email.opened', first, first.messageId)).duplicate).toBe(false);
    const second = open(contactId, null);
    await events.publish('email.opened', second, second.messageId);
    await waitForOpens(lead.id, 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await opensOf(lead.id)).toBe(2);
    expect((await api<LeadBody>(`/v1/leads/${lead.id}`)).body.engagementScore).toBe(10);
    const engagement = (await history(lead.id)).events.find(
      (e) => e.type === 'EngagementRecorded',
    )!;
    expect(engagement).toMatchObject({
      actor: 'email.opened',
      occurredAt: first.openedAt,
      data: { type: 'email_opened', contactId, sourceId: first.messageId },
    });
    const metrics = await (await fetch(`${funnel.url}/metrics`)).text();
    expect(metrics).toMatch(
      /jetstream_messages_consumed_total\{consumer="lead-funnel-email-opened",outcome="duplicate"\} [1-9]/,
    );
  });

  it('ignores machine opens, accepts opens by lead id, and survives an invalid payload', async () => {
    const contactId = `c-${randomUUID()}`;
    const lead = await createLead(api, { source: 'outbound', contactId });
    for (const classification of ['machine:apple_mpp', 'machine:scanner', 'machine:bot']) {
      const machine = open(contactId, null, classification);
      await events.publish('email.opened', machine, machine.messageId);
    }
    await events.publish(
      'email.opened',
      { messageId: 42, classification: 'human' },
      `bad-${randomUUID()}`,
    );
    const byLead = open(null, lead.id);
    await events.publish('email.opened', byLead, byLead.messageId);
    await waitForOpens(lead.id, 1);
    const score = await api<{ engagement: number; contributions: { rule: string }[] }>(
      `/v1/leads/${lead.id}/score`,
    );
    expect(score.body.engagement).toBe(5);
    expect(score.body.contributions.map((c) => c.rule)).toEqual(['open']);
  });

  it('applies CRM fit attributes to the contact’s leads (and to leads created later), ignoring stale events', async () => {
    const contactId = `c-${randomUUID()}`;
    const lead = await createLead(api, { source: 'event', contactId });
    const enriched = {
      contactId,
      accountId: 'acc-1',
      email: 'vp@example.de',
      fit: contactFit(),
      changedFields: ['seniority', 'country'],
      occurredAt: new Date().toISOString(),
    };
    await events.publish('crm.contact.enriched', enriched, `crm-${randomUUID()}`);
    const scored = await eventually(
      () => leadOf(lead.id),
      (current) => current.fitScore === 27,
    );
    expect(scored.totalScore).toBe(27);

    const stale = {
      ...enriched,
      fit: contactFit({ seniority: 'intern' }),
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    };
    await events.publish('crm.contact.updated', stale, `crm-${randomUUID()}`);
    const updated = {
      ...enriched,
      fit: contactFit({ country: 'FR' }),
      occurredAt: new Date(Date.now() + 1000).toISOString(),
    };
    await events.publish('crm.contact.updated', updated, `crm-${randomUUID()}`);
    await eventually(
      () => leadOf(lead.id),
      (current) => current.fitScore === 20,
    );
    const fits = (await history(lead.id)).events.filter((event) => event.type === 'FitUpdated');
    expect(fits.map((event) => (event.data.fit as { country: string }).country)).toEqual([
      'DE',
      'FR',
    ]);

    const later = await createLead(api, { source: 'event', contactId });
    expect(later.fitScore).toBe(20);
  });

  it('assigns leads round-robin within their territory and reassigns open leads when territories change', async () => {
    const territories = {
      territories: [
        {
          id: 'dach',
          name: 'DACH',
          rules: [{ countries: ['DE', 'AT', 'CH'] }],
          owners: ['ana', 'ben'],
        },
        { id: 'americas', name: 'Americas', rules: [{ regions: ['AMER'] }], owners: ['lia'] },
      ],
    };
    const saved = await api<{ version: number }>('/v1/territories', {
      method: 'PUT',
      body: territories,
    });
    expect(saved.status).toBe(200);
    expect(
      (await api<{ territories: unknown[] }>('/v1/territories')).body.territories,
    ).toHaveLength(2);

    const contactId = `c-${randomUUID()}`;
    await events.publish(
      'crm.contact.enriched',
      {
        contactId,
        accountId: null,
        email: null,
        fit: contactFit(),
        changedFields: [],
        occurredAt: new Date().toISOString(),
      },
      `crm-${randomUUID()}`,
    );
    const first = await eventually(
      () => createLead(api, { source: 'inbound', contactId }),
      (created) => created.territoryId === 'dach',
    );
    const owners = [first.ownerId];
    const others: LeadBody[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await createLead(api, { source: 'inbound', contactId });
      others.push(created);
      owners.push(created.ownerId);
    }
    expect(owners).toEqual(
      first.ownerId === 'ana' ? ['ana', 'ben', 'ana', 'ben'] : ['ben', 'ana', 'ben', 'ana'],
    );
    const pinned = await createLead(api, { source: 'inbound', contactId, ownerId: 'zoe' });
    expect(pinned).toMatchObject({ territoryId: 'dach', ownerId: 'zoe' });
    const closed = others[0];
    await api(`/v1/leads/${closed.id}/transitions`, {
      body: { to: 'closed_lost', reason: 'no_need' },
    });

    const changed = await api<{ reassignJobId: string }>('/v1/territories', {
      method: 'PUT',
      body: {
        territories: [
          { ...territories.territories[0], owners: ['cara'] },
          territories.territories[1],
        ],
      },
    });
    expect(changed.status).toBe(200);
    const job = await eventually(
      async () =>
        (
          await api<{ status: string; total: number; processed: number; reassigned: number }>(
            `/v1/territories/jobs/${changed.body.reassignJobId}`,
          )
        ).body,
      (body) => body.status !== 'running',
      { timeoutMs: 30_000, description: 'territory reassignment job' },
    );
    expect(job).toMatchObject({ status: 'completed', processed: job.total });
    expect(job.reassigned).toBeGreaterThanOrEqual(3);
    for (const lead of [first, ...others.slice(1)]) {
      expect((await api<LeadBody>(`/v1/leads/${lead.id}`)).body.ownerId).toBe('cara');
      const last = (await history(lead.id)).events.at(-1)!;
      expect(last).toMatchObject({
        type: 'LeadAssigned',
        data: { territoryId: 'dach', ownerId: 'cara', reason: 'territory_change' },
      });
    }
    expect((await api<LeadBody>(`/v1/leads/${closed.id}`)).body.ownerId).toBe(closed.ownerId);
    expect((await api<LeadBody>(`/v1/leads/${pinned.id}`)).body.ownerId).toBe('zoe');

    const invalid = await api('/v1/territories', {
      method: 'PUT',
      body: {
        territories: [{ id: 'X Y', name: '', rules: [{ countries: ['Germany'] }], owners: [] }],
      },
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'territories.0.id',
      'territories.0.name',
      'territories.0.owners',
      'territories.0.rules.0.countries',
    ]);
    await api('/v1/territories', { method: 'PUT', body: { territories: [] } });
  });
});
