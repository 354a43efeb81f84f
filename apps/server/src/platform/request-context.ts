/** What a request knows about its caller once the session is resolved. */
import { parseClinicSettings, type Role } from '@plasticity/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../modules/audit/audit-writer.ts';

export interface ClinicPolicySettings {
  mfaRequiredRoles: Role[];
  idleTimeoutMin: number;
  absoluteLifetimeHours: number;
  /** Staff may open a self-report form for the patient on a clinic device ("hand the patient a tablet"). */
  clinicDeviceSelfReport: boolean;
  /** Staff may hand the patient a clinic device to sign a consent in the clinic. */
  clinicDeviceConsent: boolean;
}

/** The session policy part of the clinic's settings (defaults: `StoredClinicSettings` in contracts). */
export function resolveClinicSettings(raw: unknown): ClinicPolicySettings {
  const s = parseClinicSettings(raw);
  return {
    mfaRequiredRoles: s.mfaRequiredRoles,
    idleTimeoutMin: s.idleTimeoutMin,
    absoluteLifetimeHours: s.absoluteLifetimeHours,
    clinicDeviceSelfReport: s.clinicDeviceSelfReport,
    clinicDeviceConsent: s.clinicDeviceConsent,
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
