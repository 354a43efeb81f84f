import { vi } from 'vitest';

interface ApiCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

export interface Reply {
  status?: number;
  body?: unknown;
  /** Raw text body (e.g. CSV) instead of JSON. */
  text?: string;
  contentType?: string;
}

type Handler = Reply | ((call: ApiCall) => Reply | Promise<Reply>);

/** `{ 'GET /api/v1/me': {...}, 'POST /api/v1/auth/login': (call) => ({...}) }` */
export type Routes = Record<string, Handler>;

export const apiError = (status: number, code: string, message = code, details?: unknown[]): Reply => ({
  status,
  body: { error: { code, message, ...(details ? { details } : {}) } },
});

/**
 * Replaces global fetch with a router over `routes` (keyed `METHOD /path`, query ignored).
 * Unknown routes answer 404 `not_found`. Returns the recorded calls and a way to change routes.
 */
export function mockApi(initial: Routes = {}) {
  const routes: Routes = { ...initial };
  const calls: ApiCall[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const call: ApiCall = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    calls.push(call);
    const handler = routes[`${call.method} ${call.path}`];
    const reply: Reply = handler
      ? typeof handler === 'function'
        ? await handler(call)
        : handler
      : apiError(404, 'not_found', `no mock for ${call.method} ${call.path}`);
    const status = reply.status ?? 200;
    if (reply.text !== undefined) {
      return new Response(reply.text, {
        status,
        headers: { 'content-type': reply.contentType ?? 'text/plain' },
      });
    }
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    calls,
    fetchMock,
    /** Add or replace routes. */
    on(more: Routes) {
      Object.assign(routes, more);
    },
    /** Calls to one route. */
    callsTo(method: string, path: string) {
      return calls.filter((c) => c.method === method && c.path === path);
    },
  };
}
