import {
  LinkInfo,
  type LoginRequest,
  LoginResponse,
  MeResponse,
  MfaConfirmResponse,
  MfaEnrolResponse,
  OkResponse,
} from '@plasticity/contracts';
import { parser, request } from './client.ts';

export const login = (body: LoginRequest) =>
  request('POST', '/api/v1/auth/login', LoginResponse, { body, quiet401: true });

export const logout = () => request('POST', '/api/v1/auth/logout', OkResponse, { quiet401: true });

/** Restores the session from the HttpOnly cookie; 401 means "not signed in", not "session lost". */
export const fetchMe = () => request('GET', '/api/v1/me', MeResponse, { quiet401: true });

/** Like fetchMe, but a 401 means the session was lost (keep-alive, refresh after a settings change). */
export const refreshMe = () => request('GET', '/api/v1/me', MeResponse);

export const acceptInvite = (body: { token: string; password: string; displayName?: string }) =>
  request('POST', '/api/v1/auth/accept-invite', OkResponse, { body, quiet401: true });

/** What an invitation or reset link is for (staff or patient), without using it. */
export const getLinkInfo = (token: string, signal?: AbortSignal) =>
  request('POST', '/api/v1/auth/link-info', LinkInfo, { body: { token }, quiet401: true, signal });

export const enrolMfa = () => request('POST', '/api/v1/me/mfa/enrol', MfaEnrolResponse);
export type MfaEnrolment = { secret: string; otpauthUrl: string; qrDataUrl: string };

export const confirmMfa = (code: string) =>
  request('POST', '/api/v1/me/mfa/confirm', MfaConfirmResponse, { body: { code } });

export interface Health {
  status: string;
  demo: boolean;
}
const HealthSchema = parser<Health>((data) => {
  if (typeof data !== 'object' || data === null) return undefined;
  const { status, demo } = data as Record<string, unknown>;
  return typeof status === 'string' ? { status, demo: demo === true } : undefined;
});

export const fetchHealth = () => request('GET', '/healthz', HealthSchema, { quiet401: true });
