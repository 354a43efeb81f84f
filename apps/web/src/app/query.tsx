import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../api/client.ts';

/**
 * Server state lives in one TanStack Query cache per mounted app (memory only: nothing is persisted to
 * browser storage). The auth layer empties it when the user signs out or the session is lost, so the next
 * user of the device never sees the previous user's data.
 *
 * Defaults: an answer of 4xx is final (no retry: the request itself is wrong or not allowed); a network
 * failure or 5xx is retried once. Windows regaining focus do not refetch (screens refetch after their own
 * changes, and the live board has its event stream).
 */
function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
