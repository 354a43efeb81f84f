/** GET /api/v1/me — who is logged in, and the CSRF token (kept in memory by the web app). */
import { type Me, MeResponse } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { type AuthContext, authOf } from '../../platform/request-context.ts';

export function buildMe(a: AuthContext): Me {
  return {
    id: a.userId,
    email: a.email,
    displayName: a.displayName,
    role: a.role,
    clinic: {
      id: a.clinicId,
      name: a.clinicName,
      timeZone: a.timeZone,
      demo: a.demo,
      clinicDeviceSelfReport: a.settings.clinicDeviceSelfReport,
    },
    patientId: a.patientId,
    mfaEnabled: a.mfaEnabled,
    mfaRequired: a.settings.mfaRequiredRoles.includes(a.role),
    idleTimeoutSec: a.settings.idleTimeoutMin * 60,
  };
}

export function meRoute(app: ZodApp, _ctx: ModuleContext) {
  app.get(
    '/api/v1/me',
    {
      config: { policy: allow.anyUser({ duringMfaEnrolment: true }) },
      schema: { response: { 200: MeResponse }, tags: ['auth'] },
    },
    async (req) => {
      const a = authOf(req);
      return { user: buildMe(a), csrfToken: a.csrfToken };
    },
  );
}
