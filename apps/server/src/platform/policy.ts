/**
 * Authorization declared per route, as data (the route's `config.policy`), enforced in one hook.
 *
 * A route without a declared policy cannot be served: the hook refuses it with 500 and a test
 * enumerates every registered route to fail the build first. Relationship rules (a patient reaches
 * only their own record) name the route parameter that holds the patient id; anyone else outside
 * the role list, or a patient asking for another record, gets 404 so existence is never revealed.
 *
 * A route may also admit system clients (bearer tokens issued to registered clients, e.g. the FHIR interface's
 * SMART Backend Services clients): `systemAccess` names what the client's grant must cover, and the gate asks
 * the resolved client whether it does. No route admits a system client unless its policy says so.
 *
 * @example
 * app.get('/api/v1/patients/:id', { config: { policy: allow.roles(STAFF).orSelf('id') } }, handler)
 */
import type { Role } from '@plasticity/contracts';

export type Policy =
  | { kind: 'public'; why: string }
  | {
      kind: 'authenticated';
      roles: readonly Role[] | 'any';
      selfParam?: string;
      csrfExempt?: boolean;
      /** Reachable before a user whose role requires MFA has enrolled (me, enrolment, logout). */
      duringMfaEnrolment?: boolean;
      /** Also admits a system client's bearer token whose grant covers this (see `SystemClientAuth.may`). */
      systemAccess?: string;
    };

export const STAFF: readonly Role[] = ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk'];
export const CLINICIANS: readonly Role[] = ['prescriber', 'nurse', 'therapist'];
export const CLINICAL_READERS: readonly Role[] = ['admin', 'prescriber', 'nurse', 'therapist'];
export const PATIENT_EDITORS: readonly Role[] = ['admin', 'prescriber', 'nurse', 'front_desk'];

interface RolesPolicy {
  kind: 'authenticated';
  roles: readonly Role[] | 'any';
  selfParam?: string;
  /** Also let a patient user through when the named route parameter is their own patient id. */
  orSelf(param: string): Policy;
  /** Also let a system client through whose bearer token's grant covers `access`. */
  orSystemClient(access: string): Policy;
}

export const allow = {
  /** No login needed; say why (health checks, login itself, the OpenAPI document). */
  public: (why: string): Policy => ({ kind: 'public', why }),
  /** Any logged-in user of any role. */
  anyUser: (opts: { duringMfaEnrolment?: boolean } = {}): Policy => ({
    kind: 'authenticated',
    roles: 'any',
    ...opts,
  }),
  roles: (...roles: Role[]): RolesPolicy => ({
    kind: 'authenticated',
    roles,
    orSelf(param: string): Policy {
      return { kind: 'authenticated', roles, selfParam: param };
    },
    orSystemClient(access: string): Policy {
      return { kind: 'authenticated', roles, systemAccess: access };
    },
  }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
}
