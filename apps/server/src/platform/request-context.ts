/** What a request knows about its caller once the session is resolved. */
import type { Role } from '@plasticity/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../modules/audit/audit-writer.ts';

export interface ClinicPolicySettings {
  mfaRequiredRoles: Role[];
  idleTimeoutMin: number;
  absoluteLifetimeHours: number;
  /** Staff may open a self-report form for the patient on a clinic device ("hand the patient a tablet"). */
  clinicDeviceSelfReport: boolean;
}

export const DEFAULT_CLINIC_SETTINGS: ClinicPolicySettings = {
  mfaRequiredRoles: ['admin', 'prescriber'],
  idleTimeoutMin: 15,
  absoluteLifetimeHours: 12,
  clinicDeviceSelfReport: false,
};

export function resolveClinicSettings(raw: unknown): ClinicPolicySettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<ClinicPolicySettings>;
  return {
    mfaRequiredRoles: Array.isArray(s.mfaRequiredRoles)
      ? s.mfaRequiredRoles
      : DEFAULT_CLINIC_SETTINGS.mfaRequiredRoles,
    idleTimeoutMin:
      typeof s.idleTimeoutMin === 'number' ? s.idleTimeoutMin : DEFAULT_CLINIC_SETTINGS.idleTimeoutMin,
    absoluteLifetimeHours:
      typeof s.absoluteLifetimeHours === 'number'
        ? s.absoluteLifetimeHours
        : DEFAULT_CLINIC_SETTINGS.absoluteLifetimeHours,
    clinicDeviceSelfReport: s.clinicDeviceSelfReport === true,
  };
}

export interface AuthContext {
  sessionId: string;
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  membershipId: string;
  patientId: string | null;
  clinicId: string;
  clinicName: string;
  timeZone: string;
  demo: boolean;
  csrfToken: string;
  mfaEnabled: boolean;
  settings: ClinicPolicySettings;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** The caller's auth context; routes behind an authenticated policy always have one. */
export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new Error('authOf() on a route without an authenticated policy');
  return req.auth;
}

export function actorOf(req: FastifyRequest): AuditActor {
  const a = req.auth;
  return {
    clinicId: a?.clinicId ?? null,
    userId: a?.userId ?? null,
    email: a?.email ?? null,
    role: a?.role ?? null,
    sourceAddress: req.ip ?? null,
  };
}
