import { formData } from '@sales-suite/client';
import { useEffect, useState } from 'preact/hooks';
import { data } from '../api/client';
import type { CrmImport, FieldProvenance } from '../api/views';
import { label, num, percent } from '../domain/format';
import { holds } from '../domain/scopes';
import { Link } from '../ui/router';
import { useSession } from '../ui/session';
import { Empty, ErrorBox, Show, useLoad } from '../ui/states';

/** How often a running import is read again for the progress bar. */
const POLL_MS = 500;
const FINISHED = new Set(['completed', 'failed']);

function ImportProgress({ job }: { job: CrmImport }) {
  const total = job.total ?? 0;
  const finished = FINISHED.has(job.status);
  return (
    <div class="import" aria-live="polite">
      <label for="import-progress">
        {job.fileName ?? 'Import'}: {job.status}, {num(job.processed)} of {total ? num(total) : '…'}{' '}
        rows
      </label>
      <progress
        id="import-progress"
        max={total || 1}
        value={finished ? total || 1 : job.processed}
      />
      <p>
        {num(job.created)} created · {num(job.updated)} updated · {num(job.unchanged)} unchanged ·{' '}
        {num(job.failed)} failed
      </p>
      {finished && job.errors.length > 0 && (
        <details open>
          <summary>Error report ({num(job.failed)} rows)</summary>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col" class="n">
                    Row
                  </th>
                  <th scope="col">Field</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {job.errors.slice(0, 200).map((e) => (
                  <tr key={`${e.row}-${e.field}`}>
                    <td class="n">{e.row}</td>
                    <td>{e.field}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}

function ImportForm({ onFinished }: { onFinished: () => void }) {
  const { api } = useSession();
  const [file, setFile] = useState<File>();
  const [job, setJob] = useState<CrmImport>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!job || FINISHED.has(job.status)) return;
    const timer = setTimeout(() => {
      data(api.GET('/v1/crm/imports/{id}', { params: { path: { id: job.id } } })).then((next) => {
        setJob(next);
        if (FINISHED.has(next.status)) onFinished();
      }, setError);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setError(undefined);
    try {
      const accepted = await data(
        // The browser writes the multipart body and its boundary from the FormData itself.
        api.POST('/v1/crm/imports', { body: { file }, bodySerializer: formData }),
      );
      setJob(
        await data(api.GET('/v1/crm/imports/{id}', { params: { path: { id: accepted.id } } })),
      );
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="import">
      <h2 id="import">Import contacts</h2>
      <form onSubmit={submit} class="filters">
        <label>
          CSV or XLSX file (HubSpot, Salesforce, Pipedrive, Apollo… exports)
          <input
            type="file"
            accept=".csv,.xlsx,text/csv"
            onChange={(event) => setFile(event.currentTarget.files?.[0])}
          />
        </label>
        <button type="submit" disabled={!file || (job !== undefined && !FINISHED.has(job.status))}>
          Import
        </button>
      </form>
      {error !== undefined && <ErrorBox error={error} />}
      {job && <ImportProgress job={job} />}
    </section>
  );
}

/** Contacts (newest first) and, for keys with crm:write, a CSV import with live progress. */
export function CrmPage() {
  const { api, me } = useSession();
  const loaded = useLoad(
    () => data(api.GET('/v1/crm/contacts', { params: { query: { limit: 25 } } })),
    [],
  );
  return (
    <>
      <h1>CRM</h1>
      {holds(me.scopes, 'crm:write') && <ImportForm onFinished={loaded.reload} />}
      <section aria-labelledby="contacts">
        <h2 id="contacts">Contacts</h2>
        <Show loaded={loaded} what="contacts">
          {(page) =>
            page.items.length === 0 ? (
              <Empty>No contact yet: import a file or create one through the API.</Empty>
            ) : (
              <div class="scroll">
                <table class="list">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Email</th>
                      <th scope="col">Title</th>
                      <th scope="col">Country</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((c) => (
                      <tr key={c.id}>
                        <td>
                          <Link to={`/crm/${c.id}`}>{c.fullName || c.email}</Link>
                        </td>
                        <td>{c.email}</td>
                        <td>{c.title ?? '—'}</td>
                        <td>{c.country ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Show>
      </section>
    </>
  );
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One contact: every field with where its value came from, how sure, when verified, locked. */
export function ContactPage({ id }: { id: string }) {
  const { api } = useSession();
  const loaded = useLoad(
    () => data(api.GET('/v1/crm/contacts/{id}', { params: { path: { id } } })),
    [id],
  );
  return (
    <>
      <p>
        <Link to="/crm">← CRM</Link>
      </p>
      <Show loaded={loaded} what="the contact">
        {(contact) => {
          const fields = Object.entries(contact.provenance as Record<string, FieldProvenance>);
          return (
            <>
              <h1>{contact.fullName || contact.email}</h1>
              <p class="muted">
                {contact.email}
                {contact.doNotContact ? ' · do not contact' : ''}
              </p>
              <section aria-labelledby="provenance">
                <h2 id="provenance">Fields and their provenance</h2>
                {fields.length === 0 ? (
                  <Empty>No field has a recorded source.</Empty>
                ) : (
                  <div class="scroll">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">Field</th>
                          <th scope="col">Value</th>
                          <th scope="col">Source</th>
                          <th scope="col" class="n">
                            Confidence
                          </th>
                          <th scope="col">Verified</th>
                          <th scope="col">Locked</th>
                        </tr>
                      </thead>
                      <tbody>
                        {fields.map(([field, p]) => (
                          <tr key={field}>
                            <th scope="row">{label(field)}</th>
                            <td>
                              {shown(p.value)}
                              {p.invalid && <span class="badge warn">invalid: {p.reason}</span>}
                            </td>
                            <td>{p.source}</td>
                            <td class="n">{percent(p.confidence)}</td>
                            <td>{p.verifiedAt ? new Date(p.verifiedAt).toLocaleString() : 'no'}</td>
                            <td>{p.locked ? 'locked' : '—'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            </>
          );
        }}
      </Show>
    </>
  );
}
