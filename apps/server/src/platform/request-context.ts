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

/**
 * A system client resolved from a bearer token by the gate (routes whose policy admits system clients only):
 * which clinic's data it reaches and what its grant covers. It has no session, no user and no role.
 */
export interface SystemClientAuth {
  clientId: string;
  clientName: string;
  clinicId: string;
  timeZone: string;
  /** The grant the token carries (e.g. its SMART scopes), in the token's words. */
  grant: readonly string[];
  /** Whether the grant covers a route policy's `systemAccess`. */
  may(access: string): boolean;
}

/** Resolves a bearer token to its system client; null when it is unknown, expired or its client disabled. */
export interface BearerTokens {
  resolve(token: string): Promise<SystemClientAuth | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    /** Set instead of `auth` when a system client called with a bearer token. */
    systemClient: SystemClientAuth | null;
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
