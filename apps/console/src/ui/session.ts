import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { Me } from '../api/views';

/** The key lives in sessionStorage only: gone when the tab closes, never in a URL or a cookie. */
export const KEY_STORAGE = 'sales-suite.console.apiKey';

export interface Session {
  api: ApiClient;
  me: Me;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}
