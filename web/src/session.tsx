import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { randomString } from './auth/pkce';
import { announceSignOut, requestSession, shareSession, usable, type ShareChannel } from './auth/session-share';
import type { Claims, Role } from './types';

/** Who is signed in: the bearer token and what it says, kept in this tab's sessionStorage and handed to tabs opened from it. */
export interface Session {
  token: string;
  claims: Claims;
  name: string;
  expiresAt?: string;
}

const STORAGE_KEY = 'rocu-workforce.session';

/** The open tabs of this origin, for handing the session to a new one (auth/session-share.ts says why not localStorage). */
const channel: ShareChannel | undefined = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('rocu-workforce.session');

/** The session in sessionStorage, or undefined when there is none (or it has expired). */
export function readSession(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const session = JSON.parse(raw) as Session;
    if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) {
      sessionStorage.removeItem(STORAGE_KEY);
      return undefined;
    }
    return session;
  } catch {
    return undefined;
  }
}

function writeSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
}

/**
 * Before the first render of a tab with no session of its own (a link opened
 * in a new tab): take the session of another open tab, if one answers within
 * `timeoutMs`. A tab already signed in, or with no other tab, goes on as it was.
 */
export async function adoptSessionFromOtherTabs(timeoutMs = 400): Promise<void> {
  if (!channel || readSession()) return;
  const session = await requestSession<Session>(channel, randomString(window.crypto), timeoutMs);
  if (session && usable(session)) writeSession(session);
}

interface SessionContextValue {
  session: Session | undefined;
  signIn: (session: Session) => void;
  signOut: () => void;
  hasRole: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(readSession);
  const signIn = useCallback((next: Session) => {
    writeSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    writeSession(undefined);
    setSession(undefined);
    if (channel) announceSignOut(channel);
  }, []);
  // Offer this tab's session to tabs opened from it; sign out here when another tab signs out.
  useEffect(() => {
    if (!channel) return undefined;
    return shareSession(channel, readSession, () => {
      writeSession(undefined);
      setSession(undefined);
    });
  }, []);
  const hasRole = useCallback((...roles: Role[]) => !!session && session.claims.roles.some((r) => roles.includes(r)), [session]);
  const value = useMemo(() => ({ session, signIn, signOut, hasRole }), [session, signIn, signOut, hasRole]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The first page for a role: where signing in and the service name lead. */
export function homePathFor(roles: readonly Role[]): string {
  if (roles.includes('hr-lead')) return '/campaigns';
  if (roles.includes('rocu-head')) return '/alerts';
  if (roles.includes('rocc')) return '/escalations';
  if (roles.includes('officer')) return '/vacancies';
  if (roles.includes('admin')) return '/admin/capabilities';
  return '/campaigns';
}
