/**
 * Clinic settings (admin): name, time zone, which roles must use MFA, session idle timeout and
 * absolute lifetime, and the SPRAVATO REMS setting certification (its date may not be in the future,
 * in the clinic's zone). Changes are audited with the settings' names and new values.
 */
import { ClinicSettings, UpdateClinicSettings } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { clinicDate } from '../../platform/clinic-time.ts';
import { badField, notFound } from '../../platform/errors.ts';
import type { ServerModule } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf, resolveClinicSettings } from '../../platform/request-context.ts';
import { remsSettingCertificationOf } from './rems-certification.ts';

export const clinicModule: ServerModule = {
  name: 'clinic',
  routes(app, ctx) {
    // Reads through the given executor: inside the update's transaction it must be `trx` — on the
    // embedded database (one connection) a read through ctx.db there would wait for the
    // transaction forever, and on a server it would read outside the transaction. `forUpdate` locks
    // the row for the read-merge-write of the settings so two admins' changes cannot overwrite each other.
    const load = async (clinicId: string, executor: Kysely<DB> = ctx.db, forUpdate = false) => {
      const q = executor
        .selectFrom('clinics')
        .select(['name', 'time_zone', 'settings'])
        .where('id', '=', clinicId);
      const c = await (forUpdate ? q.forUpdate() : q).executeTakeFirst();
      if (!c) throw notFound('clinic');
      const s = resolveClinicSettings(c.settings);
      return {
        name: c.name,
        timeZone: c.time_zone,
        ...s,
        remsSettingCertification: remsSettingCertificationOf(c.settings),
        raw: c.settings,
      };
    };
    app.get(
      '/api/v1/clinic/settings',
      {
        config: { policy: allow.roles('admin') },
        schema: { response: { 200: ClinicSettings }, tags: ['clinic'] },
      },
      async (req) => {
        const { raw: _raw, ...s } = await load(authOf(req).clinicId);
        return s;
      },
    );
    app.patch(
      '/api/v1/clinic/settings',
      {
        config: { policy: allow.roles('admin') },
        schema: { body: UpdateClinicSettings, response: { 200: ClinicSettings }, tags: ['clinic'] },
      },
      async (req) => {
        const a = authOf(req);
        const { name, timeZone, ...policy } = req.body;
        await ctx.db.transaction().execute(async (trx) => {
          const cur = await load(a.clinicId, trx, true);
          const cert = policy.remsSettingCertification;
          if (cert && cert.certifiedOn > clinicDate(ctx.clock.now(), timeZone ?? cur.timeZone))
            throw badField('body.remsSettingCertification.certifiedOn', 'cannot be in the future');
          await trx
            .updateTable('clinics')
            .set({
              ...(name ? { name } : {}),
              ...(timeZone ? { time_zone: timeZone } : {}),
              settings: JSON.stringify({ ...(cur.raw as object), ...policy }),
            })
            .where('id', '=', a.clinicId)
            .execute();
          await ctx.sessions.changed(trx);
          await ctx.audit.record(trx, actorOf(req), {
            action: 'update',
            resourceType: 'clinic_settings',
            resourceId: a.clinicId,
            details: { ...req.body },
          });
        });
        const { raw: _raw, ...s } = await load(a.clinicId);
        return s;
      },
    );
  },
};
