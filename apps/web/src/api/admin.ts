import {
  ClinicSettings,
  InviteResponse,
  type InviteStaffRequest,
  PasswordResetResponse,
  StaffRole as StaffRoleSchema,
  UserList,
} from '@plasticity/contracts';
import type { z } from 'zod';
import { parser, request } from './client.ts';

export type StaffRole = (typeof StaffRoleSchema.options)[number];
export const STAFF_ROLE_OPTIONS: readonly StaffRole[] = StaffRoleSchema.options;
export type Invite = ReturnType<typeof InviteResponse.parse>;

const userPath = (id: string, action: string) => `/api/v1/users/${encodeURIComponent(id)}/${action}`;

/** Lifecycle actions answer with the updated user or `{ok:true}`; the page reloads the list either way. */
const AnyJson = parser<unknown>((data) => (data === undefined ? null : data));

export type ResetLink = ReturnType<typeof PasswordResetResponse.parse>;

export const listUsers = (signal?: AbortSignal) =>
  request('GET', '/api/v1/users', UserList, { signal }).then((r) => r.items);

export const inviteUser = (body: z.input<typeof InviteStaffRequest>) =>
  request('POST', '/api/v1/users/invite', InviteResponse, { body });

export const deactivateUser = (id: string) => request('POST', userPath(id, 'deactivate'), AnyJson);
export const reactivateUser = (id: string) => request('POST', userPath(id, 'reactivate'), AnyJson);
export const resetUserMfa = (id: string) => request('POST', userPath(id, 'reset-mfa'), AnyJson);
export const resetUserPassword = (id: string) =>
  request('POST', userPath(id, 'reset-password'), PasswordResetResponse);
export const changeUserRole = (id: string, role: StaffRole) =>
  request('PATCH', userPath(id, 'role'), AnyJson, { body: { role } });

export const getClinicSettings = (signal?: AbortSignal) =>
  request('GET', '/api/v1/clinic/settings', ClinicSettings, { signal });

export const updateClinicSettings = (body: Partial<ClinicSettings>) =>
  request('PATCH', '/api/v1/clinic/settings', ClinicSettings, { body });
