/** GET /api/v1/clinic/settings (admin) → 200 ClinicSettings. No patient data. */
import { ClinicSettings } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { authOf } from '../../platform/request-context.ts';
import { loadClinicSettings } from './clinic-settings.ts';

export function getClinicSettingsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/clinic/settings',
    {
      config: { policy: allow.roles('admin') },
      schema: { response: { 200: ClinicSettings }, tags: ['clinic'] },
    },
    async (req) => loadClinicSettings(ctx.db, authOf(req).clinicId),
  );
}
