import type { LoginResponse, Me } from '@plasticity/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import * as authApi from '../api/auth.ts';
import { ApiError, onSessionLost, setCsrfToken } from '../api/client.ts';

export const IDLE_NOTICE = 'Your session expired after inactivity';
export const SESSION_LOST_NOTICE = 'Your session expired. Please sign in again.';
const SIGNED_OUT_NOTICE = 'You have signed out.';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signedOut'; notice: string | null; startupError?: string }
  | { status: 'signedIn'; me: Me };

export interface AuthValue {
  state: AuthState;
  /** The signed-in user, or null. */
  me: Me | null;
  /** Called by the login page with a successful `POST /auth/login` answer. */
  signIn: (result: LoginResponse) => void;
  /** Logs out on the server (best effort) and returns to the login page with `notice`. */
  logout: (notice?: string) => Promise<void>;
  /** Re-reads `GET /me` (after MFA enrolment or a settings change). */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;
  const queries = useQueryClient();

  // Signing out (or losing the session) empties the server-state cache: the next user of this browser
  // must not see the previous user's data, not even for a moment.
  const signOutLocally = useCallback(
    (notice: string | null) => {
      setCsrfToken(null);
      queries.clear();
      setState({ status: 'signedOut', notice });
    },
    [queries],
  );

  // Restore the session from the HttpOnly cookie on load.
  useEffect(() => {
    let cancelled = false;
    authApi.fetchMe().then(
      (result) => {
        if (cancelled) return;
        setCsrfToken(result.csrfToken);
        setState({ status: 'signedIn', me: result.user });
      },
      (error: unknown) => {
        if (cancelled) return;
        const unreachable = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
        setState({
          status: 'signedOut',
          notice: null,
          startupError: unreachable ? 'The server could not be reached. Try again in a moment.' : undefined,
        });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  // Any call answered 401 session_expired / unauthenticated ends the session in the browser too.
  useEffect(
    () =>
      onSessionLost(() => {
        if (stateRef.current.status === 'signedIn') signOutLocally(SESSION_LOST_NOTICE);
      }),
    [signOutLocally],
  );

  const signIn = useCallback(
    (result: LoginResponse) => {
      setCsrfToken(result.csrfToken);
      queries.clear();
      setState({ status: 'signedIn', me: result.user });
    },
    [queries],
  );

  const logout = useCallback(
    async (notice: string = SIGNED_OUT_NOTICE) => {
      try {
        await authApi.logout();
      } catch {
        // The session may already be gone on the server; signing out locally is what matters.
      }
      signOutLocally(notice);
    },
    [signOutLocally],
  );

  const refresh = useCallback(async () => {
    const result = await authApi.refreshMe();
    setCsrfToken(result.csrfToken);
    setState({ status: 'signedIn', me: result.user });
  }, []);

  const value = useMemo<AuthValue>(
    () => ({ state, me: state.status === 'signedIn' ? state.me : null, signIn, logout, refresh }),
    [state, signIn, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe used while signed out');
  return me;
}
