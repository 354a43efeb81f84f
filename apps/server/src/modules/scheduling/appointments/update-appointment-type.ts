/**
 * PATCH /api/v1/appointment-types/{type} — change the clinic's settings of one appointment type (label,
 * length, chair kind, roles, buffer, self-booking, notice). The merged settings are stored whole. Roles:
 * admin. 200 with the type; 400 naming the field. Audited. Booked appointments keep their times; the
 * settings apply to bookings and moves from now on.
 */
import {
  AppointmentTypeParams,
  AppointmentTypeSettings,
  AppointmentTypeView,
  UpdateAppointmentTypeRequest,
} from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { typeSettings } from '../shared/appointment-types.ts';

export function updateAppointmentTypeRoute(app: ZodApp, ctx: ModuleContext) {
  app.patch(
    '/api/v1/appointment-types/:type',
    {
      config: { policy: allow.roles('admin') },
      schema: {
        params: AppointmentTypeParams,
        body: UpdateAppointmentTypeRequest,
        response: { 200: AppointmentTypeView },
        tags: ['scheduling'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const type = req.params.type;
      const patch = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
      const settings = await ctx.db.transaction().execute(async (trx) => {
        const merged = AppointmentTypeSettings.parse({
          ...(await typeSettings(trx, a.clinicId, type)),
          ...patch,
        });
        const now = ctx.clock.now();
        await trx
          .insertInto('appointment_types')
          .values({
            clinic_id: a.clinicId,
            type,
            settings: toJson(merged),
            updated_by: a.userId,
            updated_at: now,
          })
          .onConflict((oc) =>
            oc.columns(['clinic_id', 'type']).doUpdateSet({
              settings: toJson(merged),
              updated_by: a.userId,
              updated_at: now,
            }),
          )
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'appointment_type',
          resourceId: type,
          category: 'scheduling',
          details: { fields: Object.keys(patch) },
        });
        return merged;
      });
      return { ...settings, type, isDefault: false };
    },
  );
}
