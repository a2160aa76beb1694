import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` whenever `deps` change; an answer that arrives after a newer request is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  return { ...state, reload };
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="state" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state empty">{children}</p>;
}

/** An API error as the gateway worded it (problem+json `detail`); a 403 says so plainly. */
export function ErrorBox({ error }: { error: unknown }) {
  const forbidden = error instanceof ApiError && error.status === 403;
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div class="state error" role="alert">
      <strong>{forbidden ? 'Not allowed with this API key.' : 'Something went wrong.'}</strong>{' '}
      {detail}
    </div>
  );
}

/** The usual three states around a loaded value. */
export function Show<T>(props: {
  loaded: Loaded<T>;
  what: string;
  children: (data: T) => ComponentChildren;
}) {
  const { loaded } = props;
  if (loaded.error !== undefined) return <ErrorBox error={loaded.error} />;
  if (loaded.data === undefined) return <Loading what={props.what} />;
  return <>{props.children(loaded.data)}</>;
}
