import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Claims, Role } from './types';

/** Who is signed in: the bearer token and what it says, kept for this browser tab only. */
export interface Session {
  token: string;
  claims: Claims;
  name: string;
  expiresAt?: string;
}

const STORAGE_KEY = 'rocu-workforce.session';

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
