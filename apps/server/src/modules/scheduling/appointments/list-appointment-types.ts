/**
 * GET /api/v1/appointment-types — the clinic's appointment types: the product defaults merged with the
 * clinic's changes (`isDefault` when unchanged). Roles: staff. 200. No patient data.
 */
import { AppointmentTypeList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { authOf } from '../../../platform/request-context.ts';
import { listTypeSettings } from '../shared/appointment-types.ts';

export function listAppointmentTypesRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/appointment-types',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { response: { 200: AppointmentTypeList }, tags: ['scheduling'] },
    },
    async (req) => ({ items: await listTypeSettings(ctx.db, authOf(req).clinicId) }),
  );
}
