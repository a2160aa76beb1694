import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Where the gateway serves the console; every client route lives under it (SPA fallback). */
export const BASE = '/console';

function current(): string {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : '/';
  return `${path || '/'}${location.search}`;
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((listener) => listener()));

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', BASE + to);
  else history.pushState(null, '', BASE + to);
  listeners.forEach((listener) => listener());
  window.scrollTo(0, 0);
}

/** The client route (path and query) below /console, re-rendered on every navigation. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  const [path, search = ''] = route.split('?');
  return { path, query: new URLSearchParams(search) };
}

/** An ordinary link (open in a new tab works) that navigates in place on a plain click. */
export function Link(props: {
  to: string;
  children: ComponentChildren;
  class?: string;
  current?: boolean;
}) {
  return (
    <a
      href={BASE + props.to}
      class={props.class}
      aria-current={props.current ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
