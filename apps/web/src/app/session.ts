import type { Me } from '@plasticity/contracts';
import { useCallback, useRef } from 'react';
import { refreshMe } from '../api/auth.ts';
import { lastApiRequestAt, setCsrfToken } from '../api/client.ts';
import { IDLE_NOTICE, useAuth } from './auth.tsx';
import { useIdleTimeout } from './useIdleTimeout.ts';

/**
 * Browser side of the session lifetime:
 * - idle expiry: after `me.idleTimeoutSec` without activity, log out with IDLE_NOTICE;
 * - keep-alive: while the person is active but the app has sent no request for half the idle
 *   timeout (reading a long chart), touch the server session with `GET /me` so it does not
 *   expire under an active user.
 */
export function useSessionLifetime(me: Me): void {
  const { logout } = useAuth();
  const inFlight = useRef(false);
  const timeoutSec = me.idleTimeoutSec;

  const keepAlive = useCallback(() => {
    if (inFlight.current || Date.now() - lastApiRequestAt() < (timeoutSec * 1000) / 2) return;
    inFlight.current = true;
    refreshMe()
      .then((result) => setCsrfToken(result.csrfToken))
      .catch(() => {
        // a 401 is handled by the session-lost handler; anything else is retried on later activity
      })
      .finally(() => {
        inFlight.current = false;
      });
  }, [timeoutSec]);

  const onIdle = useCallback(() => void logout(IDLE_NOTICE), [logout]);
  useIdleTimeout(timeoutSec, onIdle, keepAlive);
}
