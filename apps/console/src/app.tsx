import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, createApiClient, data } from './api/client';
import type { Me } from './api/views';
import { holds, Scope, visibleSections } from './domain/scopes';
import { CampaignPage, CampaignsPage } from './pages/campaigns';
import { ContactPage, CrmPage } from './pages/crm';
import { FunnelPage } from './pages/funnel';
import { GlossaryPage, TermPage } from './pages/glossary';
import { LeadPage, LeadsPage } from './pages/leads';
import { Link, navigate, useLocation } from './ui/router';
import { KEY_STORAGE, Session, SessionContext } from './ui/session';
import { ErrorBox } from './ui/states';

function SignIn(props: { message?: string; onSignedIn: (key: string, me: Me) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>(props.message);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const me = await data(createApiClient({ apiKey: key.trim() }).GET('/v1/me'));
      props.onSignedIn(key.trim(), me);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1>sales-suite console</h1>
      <form onSubmit={submit}>
        <label for="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          required
          value={key}
          onInput={(event) => setKey(event.currentTarget.value)}
          aria-describedby={error ? 'sign-in-error' : 'sign-in-hint'}
        />
        <p id="sign-in-hint" class="hint">
          Kept in this tab only (sessionStorage) and sent in the Authorization header.
        </p>
        {error && (
          <p id="sign-in-error" class="state error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

function Forbidden({ scope }: { scope: Scope }) {
  return <ErrorBox error={new ApiError(403, `This page needs the ${scope} scope.`)} />;
}

function Routes({ me }: { me: Me }) {
  const { path, query } = useLocation();
  const sections = visibleSections(me.scopes);
  const need = (scope: Scope, page: preact.JSX.Element) =>
    holds(me.scopes, scope) ? page : <Forbidden scope={scope} />;
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  useEffect(() => {
    if (segments.length === 0 && sections.length > 0) navigate(sections[0].path, true);
  }, [path]);
  switch (segments[0]) {
    case 'funnel':
      return need('leads:read', <FunnelPage query={query} />);
    case 'leads':
      return need(
        'leads:read',
        segments[1] ? <LeadPage id={segments[1]} /> : <LeadsPage query={query} />,
      );
    case 'campaigns':
      return need(
        'email:read',
        segments[1] ? <CampaignPage id={segments[1]} /> : <CampaignsPage query={query} />,
      );
    case 'glossary':
      return need(
        'glossary:read',
        segments[1] ? <TermPage slug={segments[1]} /> : <GlossaryPage query={query} />,
      );
    case 'crm':
      return need('crm:read', segments[1] ? <ContactPage id={segments[1]} /> : <CrmPage />);
    case undefined:
      return sections.length === 0 ? (
        <ErrorBox error={new ApiError(403, 'This API key holds no scope the console can show.')} />
      ) : null;
    default:
      return <ErrorBox error={new Error(`No page at ${path}.`)} />;
  }
}

function Shell(props: { session: Session; onSignOut: () => void }) {
  const { path } = useLocation();
  const { me } = props.session;
  return (
    <SessionContext.Provider value={props.session}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">sales-suite</span>
        <nav aria-label="Sections">
          {visibleSections(me.scopes).map((section) => (
            <Link key={section.path} to={section.path} current={path.startsWith(section.path)}>
              {section.label}
            </Link>
          ))}
        </nav>
        <span class="who" title={me.scopes.join(', ')}>
          {me.name}
        </span>
        <button type="button" class="link" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes me={me} />
      </main>
    </SessionContext.Provider>
  );
}

/**
 * Signed in while sessionStorage holds a key the gateway accepts (GET /v1/me, which also names the
 * key's scopes). Any 401 later — the key revoked meanwhile — clears it and returns to sign-in
 * with the gateway's reason.
 */
export function App() {
  const [auth, setAuth] = useState<{ key: string; me: Me } | null>(null);
  const [message, setMessage] = useState<string>();
  const [checking, setChecking] = useState(() => sessionStorage.getItem(KEY_STORAGE) !== null);
  const signOut = (reason?: string) => {
    sessionStorage.removeItem(KEY_STORAGE);
    setAuth(null);
    setMessage(reason);
  };
  const session = useMemo<Session | null>(
    () =>
      auth && {
        me: auth.me,
        api: createApiClient({
          apiKey: auth.key,
          onUnauthenticated: (error) =>
            signOut(`Signed out: the gateway refused the API key (${error.detail}).`),
        }),
      },
    [auth],
  );
  useEffect(() => {
    const key = sessionStorage.getItem(KEY_STORAGE);
    if (!key) return;
    data(createApiClient({ apiKey: key }).GET('/v1/me'))
      .then(
        (me) => setAuth({ key, me }),
        (error: unknown) =>
          signOut(
            error instanceof ApiError && error.status === 401
              ? `Signed out: the gateway refused the API key (${error.detail}).`
              : `Could not check the API key: ${(error as Error).message}`,
          ),
      )
      .finally(() => setChecking(false));
  }, []);
  if (checking) return <p class="state">Checking the API key…</p>;
  if (!session)
    return (
      <SignIn
        message={message}
        onSignedIn={(key, me) => {
          sessionStorage.setItem(KEY_STORAGE, key);
          setMessage(undefined);
          setAuth({ key, me });
        }}
      />
    );
  return <Shell session={session} onSignOut={() => signOut()} />;
}
