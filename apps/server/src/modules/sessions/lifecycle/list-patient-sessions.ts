/**
 * GET /api/v1/patients/{id}/sessions — every dosing session of a patient for the chart's Sessions tab:
 * booked time, phase, chair, protocol, doses given (administrations not entered in error), whether it
 * counts as a session given (`shared/given.ts`), alerts raised (and still open), discharge time.
 * Roles: admin, prescriber, nurse, therapist (clinical readers). 200; 404 for a patient of another clinic
 * or none. Clinic-scoped; the read is audited against the patient. Newest first.
 */
import { IdParams, PatientSessionList, SessionStatus } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { iso, protocolOf } from '../shared/load.ts';
import { SOURCE_TYPE } from '../vitals/raise-alerts.ts';

/** Sum of decimal mg strings, exact to the 3 decimals doses are stored with. */
function sumMg(values: string[]): string | null {
  if (values.length === 0) return null;
  const thousandths = values.reduce((t, v) => t + BigInt(Math.round(Number(v) * 1000)), 0n);
  const whole = thousandths / 1000n;
  const frac = (thousandths % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

export function listPatientSessionsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/sessions',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { params: IdParams, response: { 200: PatientSessionList }, tags: ['sessions'] },
    },
    async (req) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const sessions = await ctx.db
        .selectFrom('dosing_sessions')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', patient.id)
        .orderBy('scheduled_at', 'desc')
        .orderBy('id')
        .execute();
      const ids = sessions.map((s) => s.id);
      const [doses, alerts] = ids.length
        ? await Promise.all([
            ctx.db
              .selectFrom('session_administrations')
              .select(['session_id', 'drug', 'route', 'dose_mg', 'started_at'])
              .where('clinic_id', '=', a.clinicId)
              .where('session_id', 'in', ids)
              .where('entered_in_error_at', 'is', null)
              .orderBy('started_at')
              .execute(),
            ctx.db
              .selectFrom('alerts')
              .select(['source_id', 'status'])
              .where('clinic_id', '=', a.clinicId)
              .where('source_type', '=', SOURCE_TYPE)
              .where('source_id', 'in', ids)
              .execute(),
          ])
        : [[], []];
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'dosing_session',
        patientId: patient.id,
        category: 'dosing_session',
        details: { results: sessions.length },
      });
      return {
        items: sessions.map((s) => {
          const p = protocolOf(s);
          const given = doses.filter((d) => d.session_id === s.id);
          const raised = alerts.filter((x) => x.source_id === s.id);
          return {
            id: s.id,
            scheduledAt: new Date(s.scheduled_at).toISOString(),
            status: SessionStatus.parse(s.status),
            chair: s.chair,
            protocol: {
              id: s.protocol_id,
              version: s.protocol_version,
              name: p.name,
              drug: p.drug,
              route: p.route,
            },
            planId: s.plan_id,
            doseStartedAt: iso(s.dose_started_at),
            dischargedAt: iso(s.discharged_at),
            doses: given.map((d) => ({
              drug: d.drug,
              route: d.route,
              doseMg: String(d.dose_mg),
              startedAt: new Date(d.started_at).toISOString(),
            })),
            totalDoseMg: sumMg(given.map((d) => String(d.dose_mg))),
            given: given.length > 0,
            alerts: { total: raised.length, open: raised.filter((x) => x.status === 'open').length },
          };
        }),
      };
    },
  );
}
