import { useEffect, useRef, useState } from 'preact/hooks';
import { data } from '../api/client';
import type { RevisionSummary, SearchHit, Suggestion, Term } from '../api/views';
import { label } from '../domain/format';
import { markedSegments } from '../domain/highlight';
import { mentionSegments, MentionSegment } from '../domain/mentions';
import { holds } from '../domain/scopes';
import { valueText, wordDiff } from '../domain/word-diff';
import { Link, navigate } from '../ui/router';
import { useSession } from '../ui/session';
import { Empty, ErrorBox, Show, useLoad } from '../ui/states';

/** Suggestions wait for a pause in typing this long, so a fast typist sends one request. */
const SUGGEST_DELAY_MS = 150;

/** A search snippet drawn as text with <mark> elements: the snippet itself is never parsed as HTML. */
function Snippet({ snippet }: { snippet: string }) {
  return (
    <>
      {markedSegments(snippet).map((segment, i) =>
        segment.marked ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}

function SearchBox({ initial }: { initial: string }) {
  const { api } = useSession();
  const [text, setText] = useState(initial);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const latest = useRef(0);
  useEffect(() => {
    const prefix = text.trim();
    if (!prefix || prefix === initial) return setSuggestions([]);
    const round = ++latest.current;
    const timer = setTimeout(() => {
      data(api.GET('/v1/glossary/suggest', { params: { query: { prefix, limit: 8 } } })).then(
        (answer) => round === latest.current && (setSuggestions(answer.items), setActive(-1)),
        () => round === latest.current && setSuggestions([]),
      );
    }, SUGGEST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const submit = (event: Event) => {
    event.preventDefault();
    if (active >= 0 && suggestions[active])
      return navigate(`/glossary/${suggestions[active].slug}`);
    setSuggestions([]);
    navigate(`/glossary?q=${encodeURIComponent(text.trim())}`);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (suggestions.length === 0) return;
    if (event.key === 'ArrowDown') setActive((i) => (i + 1) % suggestions.length);
    else if (event.key === 'ArrowUp') setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    else if (event.key === 'Escape') setSuggestions([]);
    else return;
    event.preventDefault();
  };
  const open = suggestions.length > 0;
  return (
    <form role="search" class="search" onSubmit={submit}>
      <label for="glossary-q">Search the glossary</label>
      <div class="combo">
        <input
          id="glossary-q"
          type="search"
          role="combobox"
          list={undefined}
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls="glossary-suggestions"
          aria-activedescendant={active >= 0 ? `suggestion-${active}` : undefined}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit">Search</button>
        <ul id="glossary-suggestions" role="listbox" aria-label="Suggestions" hidden={!open}>
          {suggestions.map((s, i) => (
            <li
              key={s.slug}
              id={`suggestion-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(event) => {
                event.preventDefault();
                navigate(`/glossary/${s.slug}`);
              }}
            >
              {s.label}
              {s.label !== s.name && <span class="muted"> → {s.name}</span>}
            </li>
          ))}
        </ul>
      </div>
    </form>
  );
}

function Annotate() {
  const { api } = useSession();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{
    segments: MentionSegment[];
    definitions: Map<string, Term>;
  }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { mentions } = await data(api.POST('/v1/glossary/annotate', { body: { text } }));
      // Definitions for the hover text: each distinct term once (a paste rarely names many).
      const slugs = [...new Set(mentions.map((m) => m.slug))].slice(0, 30);
      const terms = await Promise.all(
        slugs.map((slug) =>
          data(api.GET('/v1/glossary/terms/{slug}', { params: { path: { slug } } })),
        ),
      );
      setResult({
        segments: mentionSegments(text, mentions),
        definitions: new Map(terms.map((term) => [term.slug, term])),
      });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="annotate">
      <h2 id="annotate">Annotate a text</h2>
      <form onSubmit={submit}>
        <label for="annotate-text">Paste a text: the glossary terms in it are highlighted</label>
        <textarea
          id="annotate-text"
          rows={5}
          maxLength={100_000}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit" disabled={busy || !text.trim()}>
          {busy ? 'Annotating…' : 'Annotate'}
        </button>
      </form>
      {error !== undefined && <ErrorBox error={error} />}
      {result && (
        <p class="annotated" aria-live="polite">
          {result.segments.map((segment, i) => {
            const term = segment.slug ? result.definitions.get(segment.slug) : undefined;
            return segment.slug ? (
              <mark
                key={i}
                class="defined"
                tabIndex={0}
                data-definition={term ? `${term.name}: ${term.definition}` : segment.slug}
                aria-description={term?.definition}
              >
                {segment.text}
              </mark>
            ) : (
              segment.text
            );
          })}
        </p>
      )}
    </section>
  );
}

function Results({ q }: { q: string }) {
  const { api } = useSession();
  const loaded = useLoad(
    () => data(api.GET('/v1/glossary/search', { params: { query: { q, limit: 20 } } })),
    [q],
  );
  return (
    <section aria-labelledby="results">
      <h2 id="results">Results for “{q}”</h2>
      <Show loaded={loaded} what="results">
        {(answer) =>
          answer.items.length === 0 ? (
            <Empty>No term matches “{q}”.</Empty>
          ) : (
            <ol class="results">
              {answer.items.map((hit: SearchHit) => (
                <li key={hit.slug}>
                  <Link to={`/glossary/${hit.slug}`}>{hit.name}</Link>{' '}
                  <span class="badge">{hit.match}</span>
                  <p>
                    <Snippet snippet={hit.snippet} />
                  </p>
                </li>
              ))}
            </ol>
          )
        }
      </Show>
    </section>
  );
}

/** Search as you type (suggest, then ranked search with highlighted snippets) and annotate. */
export function GlossaryPage({ query }: { query: URLSearchParams }) {
  const q = query.get('q') ?? '';
  return (
    <>
      <h1>Glossary</h1>
      <SearchBox key={q} initial={q} />
      {q && <Results q={q} />}
      <Annotate />
    </>
  );
}

function RevisionDiff({ revision }: { revision: RevisionSummary }) {
  if (revision.changes.length === 0) return <Empty>This revision changed no field.</Empty>;
  return (
    <dl class="diff">
      {revision.changes.map((change) => (
        <div key={change.field}>
          <dt>{change.field}</dt>
          <dd>
            {wordDiff(valueText(change.from), valueText(change.to)).map((part, i) =>
              part.op === 'same' ? (
                part.text
              ) : part.op === 'added' ? (
                <ins key={i}>{part.text}</ins>
              ) : (
                <del key={i}>{part.text}</del>
              ),
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Revisions({ term, onRestored }: { term: Term; onRestored: () => void }) {
  const { api, me } = useSession();
  const slug = term.slug;
  const loaded = useLoad(
    () => data(api.GET('/v1/glossary/terms/{slug}/revisions', { params: { path: { slug } } })),
    [slug, term.version],
  );
  const [open, setOpen] = useState<number>();
  const [error, setError] = useState<unknown>();
  const restore = async (n: number) => {
    setError(undefined);
    try {
      await data(
        api.POST('/v1/glossary/terms/{slug}/revisions/{n}/restore', {
          params: { path: { slug, n } },
          headers: { 'If-Match': `"${term.version}"` },
        }),
      );
      onRestored();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="revisions">
      <h2 id="revisions">Revisions</h2>
      {error !== undefined && <ErrorBox error={error} />}
      <Show loaded={loaded} what="revisions">
        {(list) => (
          <ol class="revisions" reversed>
            {[...list.items].reverse().map((revision) => (
              <li key={revision.n}>
                <button
                  type="button"
                  class="link"
                  aria-expanded={open === revision.n}
                  onClick={() => setOpen(open === revision.n ? undefined : revision.n)}
                >
                  #{revision.n} {revision.action}
                </button>{' '}
                <span class="muted">
                  {new Date(revision.createdAt).toLocaleString()}
                  {revision.actor ? ` by ${revision.actor}` : ''}
                </span>
                {open === revision.n && (
                  <>
                    <RevisionDiff revision={revision} />
                    {holds(me.scopes, 'glossary:write') && revision.n !== list.items.length && (
                      <button type="button" onClick={() => void restore(revision.n)}>
                        Restore revision {revision.n}
                      </button>
                    )}
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </Show>
    </section>
  );
}

/** One term: definition, relations, revisions as diffs with restore. */
export function TermPage({ slug }: { slug: string }) {
  const { api } = useSession();
  const loaded = useLoad(
    () => data(api.GET('/v1/glossary/terms/{slug}', { params: { path: { slug } } })),
    [slug],
  );
  return (
    <>
      <p>
        <Link to="/glossary">← Glossary</Link>
      </p>
      <Show loaded={loaded} what="the term">
        {(term) => (
          <>
            <h1>{term.name}</h1>
            <p class="definition">{term.definition}</p>
            {term.details && <p>{term.details}</p>}
            <dl class="facts">
              <dt>Status</dt>
              <dd>{term.status}</dd>
              <dt>Category</dt>
              <dd>{term.category ?? '—'}</dd>
              <dt>Aliases</dt>
              <dd>{term.aliases.length ? term.aliases.join(', ') : '—'}</dd>
              <dt>Version</dt>
              <dd>{term.version}</dd>
            </dl>
            <section aria-labelledby="relations">
              <h2 id="relations">Relations</h2>
              {term.relations.length === 0 ? (
                <Empty>No related term.</Empty>
              ) : (
                <ul>
                  {term.relations.map((r) => (
                    <li key={`${r.type}-${r.slug}`}>
                      {label(r.type)}: <Link to={`/glossary/${r.slug}`}>{r.slug}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <Revisions term={term} onRestored={loaded.reload} />
          </>
        )}
      </Show>
    </>
  );
}
