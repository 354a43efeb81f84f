/**
 * GET/PUT /api/v1/measurement/settings — the clinic admin's measurement settings, stored in
 * `clinics.settings`: `alertEscalationMinutes` (default 15), per-instrument settings
 * applied with `configureDefinition` (PCL-5 cut-off 31–33, MADRS remission 10–12, response %, the
 * MADRS item 10 suicide-risk threshold: product default 4, a medical director may set 1–4), and
 * the clinic's own instruments in the definition format, each checked with `validateDefinition`.
 * Every invalid value is a 400 naming its field; nothing is stored then.
 */
import { configureDefinition, getInstrument, validateDefinition } from '@plasticity/clinical/instruments';
import { MeasurementSettings, UpdateMeasurementSettings } from '@plasticity/contracts';
import { sql } from 'kysely';
import { AppError, badField } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { DEFAULT_ALERT_ESCALATION_MINUTES } from '../alerts/service.ts';

type Raw = {
  alertEscalationMinutes?: unknown;
  measurement?: { instrumentSettings?: Record<string, object>; customInstruments?: unknown[] };
};

function view(raw: Raw) {
  const m = raw.measurement ?? {};
  const minutes = raw.alertEscalationMinutes;
  return {
    alertEscalationMinutes:
      typeof minutes === 'number' && Number.isInteger(minutes) ? minutes : DEFAULT_ALERT_ESCALATION_MINUTES,
    instrumentSettings: (m.instrumentSettings ?? {}) as Record<
      string,
      {
        cutoff?: number;
        remissionThreshold?: number;
        responseReductionPct?: number;
        safetyItemThreshold?: number;
      }
    >,
    customInstruments: m.customInstruments ?? [],
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
      const row = await ctx.db
        .selectFrom('clinics')
        .select('settings')
        .where('id', '=', authOf(req).clinicId)
        .executeTakeFirstOrThrow();
      return view(row.settings as Raw);
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
        const cur = await sql<{
          settings: Raw;
        }>`select settings from clinics where id = ${a.clinicId} for update`.execute(trx);
        const raw = (cur.rows[0]?.settings ?? {}) as Raw;
        const next: Raw = {
          ...raw,
          ...(b.alertEscalationMinutes !== undefined
            ? { alertEscalationMinutes: b.alertEscalationMinutes }
            : {}),
          measurement: {
            ...(raw.measurement ?? {}),
            ...(b.instrumentSettings !== undefined ? { instrumentSettings: b.instrumentSettings } : {}),
            ...(b.customInstruments !== undefined ? { customInstruments: b.customInstruments } : {}),
          },
        };
        await trx
          .updateTable('clinics')
          .set({ settings: JSON.stringify(next) })
          .where('id', '=', a.clinicId)
          .execute();
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
