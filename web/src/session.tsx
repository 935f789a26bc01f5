// Who is signed in. The session lives in an HttpOnly cookie the UI cannot read, so the truth is
// whatever GET /auth/me says; a GraphQL UNAUTHENTICATED error later means the cookie has expired.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { AuthError, currentUser, login, logout, type User } from './auth';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'signedOut'; reason: 'none' | 'expired' | 'signedOut' }
  | { status: 'signedIn'; user: User };

export interface Session {
  state: SessionState;
  /** Throws AuthError with a message fit to show the user. */
  signIn(email: string, password: string): Promise<User>;
  signOut(): Promise<void>;
  /** The server refused the session: treat the user as signed out and ask them to sign in again. */
  expire(): void;
  /** Check the session again after the first check failed (e.g. the gateway was down). */
  retry(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    currentUser().then(
      (user) => {
        if (!cancelled) setState(user ? { status: 'signedIn', user } : { status: 'signedOut', reason: 'none' });
      },
      (err: unknown) => {
        if (!cancelled) setState({ status: 'error', message: err instanceof AuthError ? err.message : String(err) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const signIn = useCallback(async (email: string, password: string) => {
    const user = await login(email, password);
    setState({ status: 'signedIn', user });
    return user;
  }, []);

  const signOut = useCallback(async () => {
    // Only forget the user once the server has cleared the cookie; otherwise a reload signs them back in.
    await logout();
    setState({ status: 'signedOut', reason: 'signedOut' });
  }, []);

  const expire = useCallback(() => {
    setState((s) => (s.status === 'signedIn' ? { status: 'signedOut', reason: 'expired' } : s));
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const session = useMemo(() => ({ state, signIn, signOut, expire, retry }), [state, signIn, signOut, expire, retry]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it');
  return session;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useUser() needs a signed-in session');
  return state.user;
}
