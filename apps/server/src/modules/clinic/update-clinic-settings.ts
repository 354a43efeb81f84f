/**
 * PATCH /api/v1/clinic/settings (admin) → 200 ClinicSettings; 400 naming the field for a bad value (DEA
 * check digit, NPI check digit, TIN layout, US phone, state, ZIP code, a REMS certification dated in the
 * future in the clinic's calendar, opening hours that overlap on a weekday), and nothing changes. Session
 * policy changes reach every process at once (`ctx.sessions.changed`). Audited with the new values.
 */
import { ClinicSettings, UpdateClinicSettings } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { badField } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { clinicDate } from '../../platform/time-format.ts';
import { checkedIdentifiers, loadClinicSettings } from './clinic-settings.ts';
import { patchClinicSettings } from './settings-store.ts';

export function updateClinicSettingsRoute(app: ZodApp, ctx: ModuleContext) {
  app.patch(
    '/api/v1/clinic/settings',
    {
      config: { policy: allow.roles('admin') },
      schema: { body: UpdateClinicSettings, response: { 200: ClinicSettings }, tags: ['clinic'] },
    },
    async (req) => {
      const a = authOf(req);
      const { name, timeZone, address, phone, deaNumber, npi, tin, ...policy } = req.body;
      const identifiers = checkedIdentifiers({ phone, deaNumber, npi, tin });
      await ctx.db.transaction().execute(async (trx) => {
        const cur = await loadClinicSettings(trx, a.clinicId);
        const cert = policy.remsSettingCertification;
        if (cert && cert.certifiedOn > clinicDate(ctx.clock.now(), timeZone ?? cur.timeZone))
          throw badField('body.remsSettingCertification.certifiedOn', 'cannot be in the future');
        await patchClinicSettings(trx, a.clinicId, policy);
        const columns = {
          ...(name ? { name } : {}),
          ...(timeZone ? { time_zone: timeZone } : {}),
          ...(address ? { address: toJson(address) } : {}),
          ...identifiers,
        };
        if (Object.keys(columns).length > 0)
          await trx.updateTable('clinics').set(columns).where('id', '=', a.clinicId).execute();
        await ctx.sessions.changed(trx);
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'clinic_settings',
          resourceId: a.clinicId,
          details: { ...req.body },
        });
      });
      return loadClinicSettings(ctx.db, a.clinicId);
    },
  );
}
