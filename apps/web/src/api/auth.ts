import {
  type AcceptInviteRequest,
  HealthOk,
  LinkInfo,
  type LoginRequest,
  LoginResponse,
  MeResponse,
  MfaConfirmResponse,
  MfaEnrolResponse,
  OkResponse,
} from '@plasticity/contracts';
import type { z } from 'zod';
import { request } from './client.ts';

export const login = (body: LoginRequest) =>
  request('POST', '/api/v1/auth/login', LoginResponse, { body, quiet401: true });

export const logout = () => request('POST', '/api/v1/auth/logout', OkResponse, { quiet401: true });

/** Restores the session from the HttpOnly cookie; 401 means "not signed in", not "session lost". */
export const fetchMe = () => request('GET', '/api/v1/me', MeResponse, { quiet401: true });

/** Like fetchMe, but a 401 means the session was lost (keep-alive, refresh after a settings change). */
export const refreshMe = () => request('GET', '/api/v1/me', MeResponse);

export const acceptInvite = (body: z.input<typeof AcceptInviteRequest>) =>
  request('POST', '/api/v1/auth/accept-invite', OkResponse, { body, quiet401: true });

/** What an invitation or reset link is for (staff or patient), without using it. */
export const getLinkInfo = (token: string, signal?: AbortSignal) =>
  request('POST', '/api/v1/auth/link-info', LinkInfo, { body: { token }, quiet401: true, signal });

export const enrolMfa = () => request('POST', '/api/v1/me/mfa/enrol', MfaEnrolResponse);
export type MfaEnrolment = z.output<typeof MfaEnrolResponse>;

export const confirmMfa = (code: string) =>
  request('POST', '/api/v1/me/mfa/confirm', MfaConfirmResponse, { body: { code } });

/** The part of /healthz the sign-in page reads: whether this is the demo clinic's server. */
const HealthSummary = HealthOk.pick({ status: true, demo: true });

export const fetchHealth = () => request('GET', '/healthz', HealthSummary, { quiet401: true });
