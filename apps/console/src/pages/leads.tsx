import { useState } from 'preact/hooks';
import { data } from '../api/client';
import type { FunnelDefinition, Lead, LeadHistory, Score, Stage } from '../api/views';
import { label, num } from '../domain/format';
import { holds } from '../domain/scopes';
import { Defined } from '../ui/defined';
import { Link, navigate } from '../ui/router';
import { useSession } from '../ui/session';
import { Empty, ErrorBox, Show, useLoad } from '../ui/states';

const STAGES: Stage[] = [
  'new',
  'engaged',
  'mql',
  'sql',
  'opportunity',
  'closed_won',
  'closed_lost',
  'recycled',
];
const FILTERS = ['stage', 'minScore', 'territoryId', 'ownerId', 'sort'] as const;

/** Leads with filters, sorting and cursor paging; every filter is in the URL (shareable, back works). */
export function LeadsPage({ query }: { query: URLSearchParams }) {
  const { api } = useSession();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? '']));
  const cursor = query.get('cursor') ?? '';
  const loaded = useLoad(
    () =>
      data(
        api.GET('/v1/leads', {
          params: {
            query: {
              limit: 25,
              cursor: cursor || undefined,
              stage: (filters.stage || undefined) as Stage | undefined,
              minScore: filters.minScore ? Number(filters.minScore) : undefined,
              territoryId: filters.territoryId || undefined,
              ownerId: filters.ownerId || undefined,
              sort: filters.sort === 'score' ? 'score' : undefined,
            },
          },
        }),
      ),
    [query.toString()],
  );
  const [draft, setDraft] = useState(filters);
  const apply = (event: Event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of Object.entries(draft)) if (value) next.set(name, value);
    navigate(`/leads?${next.toString()}`);
  };
  const field = (name: (typeof FILTERS)[number]) => ({
    value: draft[name],
    onInput: (event: Event) =>
      setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value }),
  });
  return (
    <>
      <h1>Leads</h1>
      <form class="filters" onSubmit={apply}>
        <label>
          Stage
          <select {...field('stage')}>
            <option value="">Any</option>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {label(stage)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Minimum score
          <input type="number" min={0} step={1} {...field('minScore')} />
        </label>
        <label>
          Territory id
          <input type="text" {...field('territoryId')} />
        </label>
        <label>
          Owner id
          <input type="text" {...field('ownerId')} />
        </label>
        <label>
          Sort
          <select {...field('sort')}>
            <option value="">Newest first</option>
            <option value="score">Score, highest first</option>
          </select>
        </label>
        <button type="submit">Apply</button>
      </form>
      <Show loaded={loaded} what="leads">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No lead matches these filters.</Empty>
          ) : (
            <>
              <div class="scroll">
                <table class="list">
                  <thead>
                    <tr>
                      <th scope="col">Lead</th>
                      <th scope="col">Stage</th>
                      <th scope="col">Source</th>
                      <th scope="col" class="n">
                        Score
                      </th>
                      <th scope="col">Owner</th>
                      <th scope="col">Created</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((lead) => (
                      <tr key={lead.id}>
                        <td>
                          <Link to={`/leads/${lead.id}`}>{lead.id.slice(0, 8)}</Link>
                        </td>
                        <td>{label(lead.stage)}</td>
                        <td>{lead.source}</td>
                        <td class="n">{num(lead.totalScore, 1)}</td>
                        <td>{lead.ownerId ?? '—'}</td>
                        <td>{new Date(lead.createdAt).toLocaleString()}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav class="pager" aria-label="Pages">
                {cursor && (
                  <button type="button" onClick={() => history.back()}>
                    Previous page
                  </button>
                )}
                {page.nextCursor && (
                  <button
                    type="button"
                    onClick={() => {
                      const next = new URLSearchParams(query);
                      next.set('cursor', page.nextCursor!);
                      navigate(`/leads?${next.toString()}`);
                    }}
                  >
                    Next page
                  </button>
                )}
              </nav>
            </>
          )
        }
      </Show>
    </>
  );
}

const KIND_DEFINITIONS: Record<string, string> = {
  fit: 'Points for who the lead is (contact and account attributes), as the scoring model rates them.',
  engagement:
    'Points for what the lead did (opens, clicks, meetings…), decaying with age: decayed points are what counts now.',
};

function ScoreBreakdown({ score }: { score: Score }) {
  const widest = Math.max(1, ...score.contributions.map((c) => Math.abs(c.countedPoints)));
  const fitShare = score.total > 0 ? (score.fit / score.total) * 100 : 0;
  return (
    <section aria-labelledby="score">
      <h2 id="score">Score {num(score.total, 1)}</h2>
      <div class="split" aria-hidden="true">
        <span class="fit" style={{ width: `${fitShare}%` }} />
        <span class="engagement" style={{ width: `${score.total > 0 ? 100 - fitShare : 0}%` }} />
      </div>
      <p>
        <Defined definition={KIND_DEFINITIONS.fit}>Fit</Defined> {num(score.fit, 1)} ·{' '}
        <Defined definition={KIND_DEFINITIONS.engagement}>Engagement</Defined>{' '}
        {num(score.engagement, 1)} (model v{score.modelVersion})
      </p>
      {score.contributions.length === 0 ? (
        <Empty>No rule has contributed yet.</Empty>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Kind</th>
                <th scope="col" class="n">
                  Counted
                </th>
                <th scope="col" class="n">
                  Now (decayed)
                </th>
                <th scope="col">Decay</th>
              </tr>
            </thead>
            <tbody>
              {score.contributions.map((c) => (
                <tr key={`${c.rule}-${c.eventVersion}`}>
                  <td>{c.rule}</td>
                  <td>{c.kind}</td>
                  <td class="n">{num(c.countedPoints, 1)}</td>
                  <td class="n">{num(c.decayedPoints, 1)}</td>
                  <td>
                    <span class="decay" aria-hidden="true">
                      <span
                        class="counted"
                        style={{ width: `${(Math.abs(c.countedPoints) / widest) * 100}%` }}
                      />
                      <span
                        class="now"
                        style={{ width: `${(Math.abs(c.decayedPoints) / widest) * 100}%` }}
                      />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Timeline({ history }: { history: LeadHistory }) {
  return (
    <section aria-labelledby="history">
      <h2 id="history">History</h2>
      <ol class="timeline" reversed>
        {[...history.events].reverse().map((event) => (
          <li key={event.version}>
            <time dateTime={event.occurredAt}>{new Date(event.occurredAt).toLocaleString()}</time>{' '}
            <strong>{event.type}</strong>
            {event.type === 'StageChanged' && (
              <span>
                {' '}
                {label(String(event.data.from ?? ''))} → {label(String(event.data.to ?? ''))}
                {event.data.reason ? ` (${label(String(event.data.reason))})` : ''}
              </span>
            )}
            {event.type === 'EngagementRecorded' && <span> {String(event.data.type ?? '')}</span>}
            {event.actor && <span class="muted"> by {event.actor}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Transitions(props: { lead: Lead; definition: FunnelDefinition; onMoved: () => void }) {
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const allowed = props.definition.transitions.find((t) => t.from === props.lead.stage)?.to ?? [];
  const move = async (to: Stage) => {
    setBusy(true);
    setError(undefined);
    try {
      await data(
        api.POST('/v1/leads/{id}/transitions', {
          params: { path: { id: props.lead.id } },
          body: {
            to,
            expectedVersion: props.lead.version,
            ...(to === 'closed_lost' ? { reason } : {}),
          },
        }),
      );
      props.onMoved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  if (allowed.length === 0)
    return <Empty>No move is allowed from {label(props.lead.stage)}.</Empty>;
  return (
    <section aria-labelledby="move">
      <h2 id="move">Move to</h2>
      <div class="actions">
        {allowed
          .filter((to) => to !== 'closed_lost')
          .map((to) => (
            <button key={to} type="button" disabled={busy} onClick={() => void move(to)}>
              {label(to)}
            </button>
          ))}
        {allowed.includes('closed_lost') && (
          <span class="lost">
            <label>
              Lost reason
              <select value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
                <option value="">Choose…</option>
                {props.definition.lostReasons.map((r) => (
                  <option key={r} value={r}>
                    {label(r)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={busy || !reason}
              onClick={() => void move('closed_lost')}
            >
              Closed lost
            </button>
          </span>
        )}
      </div>
      {error !== undefined && <ErrorBox error={error} />}
    </section>
  );
}

/** One lead: its score drawn from its contributions, its history, and the moves it allows. */
export function LeadPage({ id }: { id: string }) {
  const { api, me } = useSession();
  const loaded = useLoad(
    () =>
      Promise.all([
        data(api.GET('/v1/leads/{id}', { params: { path: { id } } })),
        data(api.GET('/v1/leads/{id}/score', { params: { path: { id } } })),
        data(api.GET('/v1/leads/{id}/history', { params: { path: { id } } })),
        data(api.GET('/v1/funnel/definition')),
      ]),
    [id],
  );
  return (
    <Show loaded={loaded} what="the lead">
      {([lead, score, history, definition]) => (
        <>
          <p>
            <Link to="/leads">← Leads</Link>
          </p>
          <h1>
            Lead {lead.id.slice(0, 8)} · {label(lead.stage)}
          </h1>
          <dl class="facts">
            <dt>Source</dt>
            <dd>{lead.source}</dd>
            <dt>Owner</dt>
            <dd>{lead.ownerId ?? '—'}</dd>
            <dt>Territory</dt>
            <dd>{lead.territoryId ?? '—'}</dd>
            <dt>Amount</dt>
            <dd>{num(lead.amount, 2)}</dd>
            {lead.lostReason && (
              <>
                <dt>Lost reason</dt>
                <dd>{label(lead.lostReason)}</dd>
              </>
            )}
          </dl>
          {holds(me.scopes, 'leads:write') && (
            <Transitions lead={lead} definition={definition} onMoved={loaded.reload} />
          )}
          <div class="grid two">
            <ScoreBreakdown score={score} />
            <Timeline history={history} />
          </div>
        </>
      )}
    </Show>
  );
}
