/**
 * GET/PUT /api/v1/measurement/settings — the clinic admin's measurement settings, stored in
 * `clinics.settings`: `alertEscalationMinutes` (default 15), per-instrument settings
 * applied with `configureDefinition` (PCL-5 cut-off 31–33, MADRS remission 10–12, response %, the
 * MADRS item 10 suicide-risk threshold: product default 4, a medical director may set 1–4), and
 * the clinic's own instruments in the definition format, each checked with `validateDefinition`.
 * Every invalid value is a 400 naming its field; nothing is stored then.
 */
import { configureDefinition, getInstrument, validateDefinition } from '@plasticity/clinical/instruments';
import {
  MeasurementSettings,
  type StoredClinicSettings,
  UpdateMeasurementSettings,
} from '@plasticity/contracts';
import { AppError, badField } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { patchClinicSettings, readClinicSettings } from '../clinic/settings-store.ts';

/** The API view of the stored settings (defaults: `StoredClinicSettings` in @plasticity/contracts). */
function view(s: StoredClinicSettings) {
  return {
    alertEscalationMinutes: s.alertEscalationMinutes,
    instrumentSettings: s.measurement.instrumentSettings,
    customInstruments: s.measurement.customInstruments,
  };
}

export function settingsRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/measurement/settings',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { response: { 200: MeasurementSettings }, tags: ['measurement'] },
    },
    async (req) => {
      return view(await readClinicSettings(ctx.db, authOf(req).clinicId));
    },
  );
  app.put(
    '/api/v1/measurement/settings',
    {
      config: { policy: allow.roles('admin') },
      schema: {
        body: UpdateMeasurementSettings,
        response: { 200: MeasurementSettings },
        tags: ['measurement'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const b = req.body;
      for (const [id, s] of Object.entries(b.instrumentSettings ?? {})) {
        const def = getInstrument(id);
        if (!def) throw badField(`body.instrumentSettings.${id}`, 'is not a built-in instrument');
        try {
          configureDefinition(def, s);
        } catch (e) {
          throw badField(`body.instrumentSettings.${id}`, e instanceof Error ? e.message : 'is not allowed');
        }
      }
      (b.customInstruments ?? []).forEach((c, i) => {
        const errors = validateDefinition(c);
        if (errors.length > 0) {
          throw new AppError(
            'validation_failed',
            `body.customInstruments[${i}]: ${errors[0]?.path}: ${errors[0]?.message}`,
            errors
              .slice(0, 20)
              .map((e) => ({ field: `body.customInstruments[${i}].${e.path}`, message: e.message })),
          );
        }
        const id = (c as { id: string }).id;
        if (getInstrument(id))
          throw badField(`body.customInstruments[${i}].id`, `"${id}" is a built-in instrument id`);
      });
      const saved = await ctx.db.transaction().execute(async (trx) => {
        const next = await patchClinicSettings(trx, a.clinicId, {
          ...(b.alertEscalationMinutes !== undefined
            ? { alertEscalationMinutes: b.alertEscalationMinutes }
            : {}),
          measurement: {
            ...(b.instrumentSettings !== undefined ? { instrumentSettings: b.instrumentSettings } : {}),
            ...(b.customInstruments !== undefined ? { customInstruments: b.customInstruments } : {}),
          },
        });
        await ctx.sessions.changed(trx);
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'measurement_settings',
          resourceId: a.clinicId,
          details: { fields: Object.keys(b) },
        });
        return next;
      });
      return view(saved);
    },
  );
}
