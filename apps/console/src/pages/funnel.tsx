import { useEffect, useState } from 'preact/hooks';
import { data } from '../api/client';
import type { FunnelDefinition, FunnelGroup, Stage } from '../api/views';
import { duration, label, num, percent } from '../domain/format';
import { Defined } from '../ui/defined';
import { navigate } from '../ui/router';
import { useSession } from '../ui/session';
import { Empty, Show, useLoad } from '../ui/states';

const FUNNEL_STAGES: Stage[] = ['new', 'engaged', 'mql', 'sql', 'opportunity', 'closed_won'];
const GROUP_BY = ['source', 'territory', 'owner'] as const;

/** The README's definitions of each figure of GET /v1/funnel/stats. */
const DEFINITIONS = {
  cohort: 'The leads created in [from, to): every figure counts only them.',
  reached: 'Cohort leads that ever entered the stage (any visit).',
  conversion:
    'Of the cohort leads that ever entered the first stage, those that moved from it directly to the second.',
  winRate: 'Won / (won + lost): cohort leads currently closed won, over those closed won or lost.',
  median:
    'Median duration of the completed visits (entered and left) to the stage by cohort leads.',
  lostReasons: 'Cohort leads currently closed lost, by reason.',
};

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function FunnelChart({ group }: { group: FunnelGroup }) {
  const widest = Math.max(1, ...FUNNEL_STAGES.map((stage) => group.reached[stage] ?? 0));
  return (
    <figure class="funnel" aria-label="Leads that reached each stage">
      <ol>
        {FUNNEL_STAGES.map((stage) => {
          const reached = group.reached[stage] ?? 0;
          return (
            <li key={stage}>
              <span class="stage">{label(stage)}</span>
              <span class="bar-track">
                <span class="bar" style={{ width: `${(reached / widest) * 100}%` }} />
              </span>
              <span class="figure">{num(reached)}</span>
            </li>
          );
        })}
      </ol>
      <figcaption>
        <Defined definition={DEFINITIONS.reached}>Reached</Defined> per stage, of{' '}
        <Defined definition={DEFINITIONS.cohort}>{num(group.leads)} leads</Defined>
      </figcaption>
    </figure>
  );
}

function GroupFigures({ group, definition }: { group: FunnelGroup; definition: FunnelDefinition }) {
  const termOf = (stage: string) =>
    definition.stages.find((s) => s.stage === stage)?.term?.definition;
  return (
    <div class="grid">
      <section aria-labelledby="conversions">
        <h2 id="conversions">
          <Defined definition={DEFINITIONS.conversion}>Stage-to-stage conversion</Defined>
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Move</th>
              <th scope="col" class="n">
                Entered
              </th>
              <th scope="col" class="n">
                Converted
              </th>
              <th scope="col" class="n">
                Rate
              </th>
            </tr>
          </thead>
          <tbody>
            {group.conversions.map((c) => (
              <tr key={`${c.from}-${c.to}`}>
                <td>
                  {label(c.from)} → {label(c.to)}
                </td>
                <td class="n">{num(c.entered)}</td>
                <td class="n">{num(c.converted)}</td>
                <td class="n">{percent(c.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="medians">
        <h2 id="medians">
          <Defined definition={DEFINITIONS.median}>Median time in stage</Defined>
        </h2>
        <table>
          <tbody>
            {Object.entries(group.medianSecondsInStage).map(([stage, seconds]) => (
              <tr key={stage}>
                <th scope="row">
                  {termOf(stage) ? (
                    <Defined definition={termOf(stage)!}>{label(stage)}</Defined>
                  ) : (
                    label(stage)
                  )}
                </th>
                <td class="n">{duration(seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="lost-reasons">
        <h2 id="lost-reasons">
          <Defined definition={DEFINITIONS.lostReasons}>Closed lost reasons</Defined>
        </h2>
        {Object.keys(group.lostReasons).length === 0 ? (
          <Empty>No lead of this cohort is closed lost.</Empty>
        ) : (
          <table>
            <tbody>
              {Object.entries(group.lostReasons)
                .sort((a, b) => b[1] - a[1])
                .map(([reason, count]) => (
                  <tr key={reason}>
                    <th scope="row">{label(reason)}</th>
                    <td class="n">{num(count)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function Headline({ group }: { group: FunnelGroup }) {
  return (
    <dl class="headline">
      <div>
        <dt>
          <Defined definition={DEFINITIONS.cohort}>Leads</Defined>
        </dt>
        <dd>{num(group.leads)}</dd>
      </div>
      <div>
        <dt>Won</dt>
        <dd>{num(group.won)}</dd>
      </div>
      <div>
        <dt>Lost</dt>
        <dd>{num(group.lost)}</dd>
      </div>
      <div>
        <dt>
          <Defined definition={DEFINITIONS.winRate}>Win rate</Defined>
        </dt>
        <dd>{percent(group.winRate)}</dd>
      </div>
    </dl>
  );
}

/** Funnel figures for a date range, optionally grouped; first render measured (performance marks). */
export function FunnelPage({ query }: { query: URLSearchParams }) {
  const { api } = useSession();
  const [started] = useState(() => performance.mark('funnel:start'));
  const today = new Date();
  const from = query.get('from') ?? isoDay(new Date(today.getTime() - 90 * 86_400_000));
  const to = query.get('to') ?? isoDay(new Date(today.getTime() + 86_400_000));
  const groupBy = query.get('groupBy') ?? '';
  const loaded = useLoad(
    () =>
      Promise.all([
        data(
          api.GET('/v1/funnel/stats', {
            params: {
              query: {
                from: new Date(from).toISOString(),
                to: new Date(to).toISOString(),
                groupBy: (groupBy || undefined) as (typeof GROUP_BY)[number] | undefined,
              },
            },
          }),
        ),
        data(api.GET('/v1/funnel/definition')),
      ]).then((answers) => {
        if (performance.getEntriesByName('funnel:answered').length === 0)
          performance.mark('funnel:answered');
        return answers;
      }),
    [from, to, groupBy],
  );
  useEffect(() => {
    if (!loaded.data || performance.getEntriesByName('funnel:rendered').length > 0) return;
    performance.mark('funnel:rendered');
    // The whole first render (request, aggregation, drawing), and the drawing alone.
    performance.measure('funnel:first-render', started.name, 'funnel:rendered');
    performance.measure('funnel:draw', 'funnel:answered', 'funnel:rendered');
  }, [loaded.data]);
  const set = (name: string, value: string) => {
    const next = new URLSearchParams({ from, to, groupBy });
    next.set(name, value);
    navigate(`/funnel?${next.toString()}`, true);
  };
  return (
    <>
      <h1>Funnel</h1>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          From
          <input type="date" value={from} onChange={(e) => set('from', e.currentTarget.value)} />
        </label>
        <label>
          To (exclusive)
          <input type="date" value={to} onChange={(e) => set('to', e.currentTarget.value)} />
        </label>
        <label>
          Group by
          <select value={groupBy} onChange={(e) => set('groupBy', e.currentTarget.value)}>
            <option value="">Nothing</option>
            {GROUP_BY.map((g) => (
              <option key={g} value={g}>
                {label(g)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Show loaded={loaded} what="funnel figures">
        {([stats, definition]) =>
          stats.overall.leads === 0 ? (
            <Empty>No lead was created in this date range.</Empty>
          ) : (
            <>
              <Headline group={stats.overall} />
              <FunnelChart group={stats.overall} />
              <GroupFigures group={stats.overall} definition={definition} />
              {stats.groups.length > 0 && (
                <section aria-labelledby="groups">
                  <h2 id="groups">By {stats.groupBy}</h2>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{label(stats.groupBy ?? '')}</th>
                        <th scope="col" class="n">
                          Leads
                        </th>
                        <th scope="col" class="n">
                          Won
                        </th>
                        <th scope="col" class="n">
                          Lost
                        </th>
                        <th scope="col" class="n">
                          Win rate
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {stats.groups.map((g) => (
                        <tr key={g.key ?? 'none'}>
                          <th scope="row">{g.key ?? '(none)'}</th>
                          <td class="n">{num(g.leads)}</td>
                          <td class="n">{num(g.won)}</td>
                          <td class="n">{num(g.lost)}</td>
                          <td class="n">{percent(g.winRate)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              )}
            </>
          )
        }
      </Show>
    </>
  );
}
