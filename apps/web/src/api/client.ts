import type { ErrorCode } from '@plasticity/contracts';
import { ErrorResponse } from '@plasticity/contracts';

/**
 * The one HTTP client of the web app. Responsibilities:
 * - same-origin cookies (`credentials: 'same-origin'`), JSON bodies;
 * - the CSRF token, kept ONLY in this module's memory (never in any Web Storage), sent as
 *   `x-csrf-token` on every state-changing request;
 * - parsing every response with its zod schema so the UI only sees typed, validated data;
 * - turning `{error:{code,message,details}}` bodies into `ApiError`;
 * - reporting a lost session (401 `session_expired` / `unauthenticated`) to the auth layer.
 */

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Client-side codes for failures that never reached (or never came back from) the API. */
export type ClientErrorCode = 'network_error' | 'bad_response';

export interface ApiErrorDetail {
  field?: string;
  message: string;
  /** Further facts an answer carries (e.g. the clinic's phone beside an expired link). */
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode | (string & {}),
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const SESSION_LOST_CODES: readonly string[] = ['session_expired', 'unauthenticated'];

let csrfToken: string | null = null;
let sessionLostHandler: ((code: string) => void) | null = null;
let lastRequestAt = 0;

/** Set (after login or `GET /me`) or clear (after logout) the in-memory CSRF token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The auth layer subscribes here; returns an unsubscribe function. */
export function onSessionLost(handler: (code: string) => void): () => void {
  sessionLostHandler = handler;
  return () => {
    if (sessionLostHandler === handler) sessionLostHandler = null;
  };
}

/** Time (ms since epoch) of the last request sent, used by the session keep-alive. */
export function lastApiRequestAt(): number {
  return lastRequestAt;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Do not report 401s of this call as a lost session (used by login and the startup `GET /me`). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

const MUTATING: readonly Method[] = ['POST', 'PATCH', 'PUT', 'DELETE'];

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Sends a request and returns the raw Response when it is 2xx; throws ApiError otherwise. */
export async function send(method: Method, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (MUTATING.includes(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  lastRequestAt = Date.now();
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(
      0,
      'network_error',
      'The server could not be reached. Check the connection and try again.',
    );
  }
  if (response.ok) return response;

  const error = await readError(response);
  if (response.status === 401 && !options.quiet401 && SESSION_LOST_CODES.includes(error.code)) {
    sessionLostHandler?.(error.code);
  }
  throw error;
}

async function readError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (proxy error page, empty body): fall through to a generic error
  }
  const parsed = ErrorResponse.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(
      response.status,
      code,
      message,
      (details ?? []).map((d) => ({ ...d, field: d.field, message: d.message })),
    );
  }
  return new ApiError(
    response.status,
    response.status >= 500 ? 'internal' : 'bad_response',
    response.statusText,
  );
}

/**
 * Anything with zod's `safeParse` shape: the contract schemas of `@plasticity/contracts` (zod, shared
 * with the server), or a small hand-written parser (see `parser`) for a response no contract describes.
 */
export interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** A hand-written schema: `check` returns the typed value, or undefined when the data does not fit. */
export function parser<T>(check: (data: unknown) => T | undefined): Schema<T> {
  return {
    safeParse(data) {
      const value = check(data);
      return value === undefined ? { success: false } : { success: true, data: value };
    },
  };
}

/** Sends a request and parses the JSON body with `schema`. */
export async function request<T>(
  method: Method,
  path: string,
  schema: Schema<T>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, options);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError(response.status, 'bad_response', 'The server sent an unreadable response.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'bad_response',
      'The server sent a response this app does not understand.',
    );
  }
  return parsed.data;
}
