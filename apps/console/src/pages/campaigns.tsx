import { lazy, Suspense } from 'preact/compat';
import { data } from '../api/client';
import type { CampaignStats } from '../api/views';
import { duration, label, num, percent } from '../domain/format';
import { Defined } from '../ui/defined';
import { Link, navigate } from '../ui/router';
import { useSession } from '../ui/session';
import { Empty, Loading, Show, useLoad } from '../ui/states';

const OpensChart = lazy(() => import('../ui/opens-chart'));

/** Campaigns, newest first, with their headline figures; archived ones on request. */
export function CampaignsPage({ query }: { query: URLSearchParams }) {
  const { api } = useSession();
  const cursor = query.get('cursor') ?? undefined;
  const includeArchived = query.get('archived') === 'true';
  const loaded = useLoad(
    () =>
      data(
        api.GET('/v1/email/campaigns', {
          params: { query: { cursor, limit: 25, includeArchived } },
        }),
      ),
    [cursor, includeArchived],
  );
  return (
    <>
      <h1>Campaigns</h1>
      <label class="inline">
        <input
          type="checkbox"
          checked={includeArchived}
          onChange={(e) =>
            navigate(e.currentTarget.checked ? '/campaigns?archived=true' : '/campaigns')
          }
        />{' '}
        Show archived campaigns
      </label>
      <Show loaded={loaded} what="campaigns">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No campaign yet.</Empty>
          ) : (
            <>
              <div class="scroll">
                <table class="list">
                  <thead>
                    <tr>
                      <th scope="col">Campaign</th>
                      <th scope="col">Subject</th>
                      <th scope="col" class="n">
                        Sent
                      </th>
                      <th scope="col" class="n">
                        Delivered
                      </th>
                      <th scope="col" class="n">
                        Open rate
                      </th>
                      <th scope="col" class="n">
                        Human open rate
                      </th>
                      <th scope="col">Created</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((c) => (
                      <tr key={c.id}>
                        <td>
                          <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                          {c.archivedAt && <span class="badge">archived</span>}
                        </td>
                        <td>{c.subject}</td>
                        <td class="n">{num(c.sent)}</td>
                        <td class="n">{num(c.delivered)}</td>
                        <td class="n">{percent(c.openRate.value)}</td>
                        <td class="n">{percent(c.humanOpenRate.value)}</td>
                        <td>{new Date(c.createdAt).toLocaleString()}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {page.nextCursor && (
                <nav class="pager" aria-label="Pages">
                  <button
                    type="button"
                    onClick={() =>
                      navigate(
                        `/campaigns?cursor=${encodeURIComponent(page.nextCursor!)}${includeArchived ? '&archived=true' : ''}`,
                      )
                    }
                  >
                    Next page
                  </button>
                </nav>
              )}
            </>
          )
        }
      </Show>
    </>
  );
}

function Figures({ stats }: { stats: CampaignStats }) {
  const definitions = stats.definitions as Record<string, string | undefined>;
  const figure = (key: string, name: string, value: string) => (
    <div>
      <dt>{definitions[key] ? <Defined definition={definitions[key]!}>{name}</Defined> : name}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <dl class="headline">
      {figure('sent', 'Sent', num(stats.sent))}
      {figure('delivered', 'Delivered', num(stats.delivered))}
      {figure('bounced', 'Bounced', num(stats.bounced))}
      <div>
        <dt>
          <Defined definition={stats.openRate.definition}>Open rate</Defined>
        </dt>
        <dd>{percent(stats.openRate.value)}</dd>
      </div>
      <div>
        <dt>
          <Defined definition={stats.humanOpenRate.definition}>Human open rate</Defined>
        </dt>
        <dd>{percent(stats.humanOpenRate.value)}</dd>
      </div>
      <div>
        <dt>
          <Defined definition={stats.timeToFirstOpen.definition}>Time to first open</Defined>
        </dt>
        <dd>
          median {duration(stats.timeToFirstOpen.medianSeconds)}, p90{' '}
          {duration(stats.timeToFirstOpen.p90Seconds)}
        </dd>
      </div>
    </dl>
  );
}

/** One campaign: figures with their definitions, opens over time (lazy chart) and classifications. */
export function CampaignPage({ id }: { id: string }) {
  const { api } = useSession();
  const loaded = useLoad(
    () =>
      Promise.all([
        data(api.GET('/v1/email/campaigns/{id}', { params: { path: { id } } })),
        data(api.GET('/v1/email/campaigns/{id}/stats', { params: { path: { id } } })),
        data(
          api.GET('/v1/email/campaigns/{id}/messages', {
            params: { path: { id }, query: { limit: 20 } },
          }),
        ),
      ]),
    [id],
  );
  return (
    <Show loaded={loaded} what="the campaign">
      {([campaign, stats, messages]) => {
        const buckets = stats.series.buckets;
        const classes = Object.entries(stats.opensByClassification as Record<string, number>);
        return (
          <>
            <p>
              <Link to="/campaigns">← Campaigns</Link>
            </p>
            <h1>{campaign.name}</h1>
            <p class="muted">Subject: {campaign.subject}</p>
            <Figures stats={stats} />
            <section aria-labelledby="opens">
              <h2 id="opens">
                <Defined definition={stats.series.definition}>Opens per hour / day</Defined>
              </h2>
              {buckets.length === 0 ? (
                <Empty>No open yet.</Empty>
              ) : (
                <Suspense fallback={<Loading what="the chart" />}>
                  <OpensChart
                    label={`Opens over time: ${buckets.length} periods, ${num(stats.totalOpens)} opens in all`}
                    series={{
                      starts: buckets.map((b) => Date.parse(b.start) / 1000),
                      opens: buckets.map((b) => b.opens),
                      humanOpens: buckets.map((b) => b.humanOpens),
                    }}
                  />
                </Suspense>
              )}
            </section>
            <div class="grid two">
              <section aria-labelledby="classes">
                <h2 id="classes">Opens by classification</h2>
                {classes.length === 0 ? (
                  <Empty>No open yet.</Empty>
                ) : (
                  <table>
                    <tbody>
                      {classes.map(([name, count]) => (
                        <tr key={name}>
                          <th scope="row">{label(name)}</th>
                          <td class="n">{num(count)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
              <section aria-labelledby="messages">
                <h2 id="messages">Messages</h2>
                {messages.items.length === 0 ? (
                  <Empty>No message sent yet.</Empty>
                ) : (
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Recipient</th>
                        <th scope="col">Status</th>
                        <th scope="col">Opened</th>
                      </tr>
                    </thead>
                    <tbody>
                      {messages.items.map((m) => (
                        <tr key={m.id}>
                          <td>{m.email ?? m.contactId ?? '—'}</td>
                          <td>{m.status}</td>
                          <td>{m.opened ? 'yes' : 'no'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            </div>
          </>
        );
      }}
    </Show>
  );
}
