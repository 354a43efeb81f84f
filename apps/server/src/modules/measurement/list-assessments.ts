/**
 * GET /api/v1/patients/{id}/assessments?instrument= — the patient's scores, oldest first, and with an
 * instrument filter the outcome per the instrument's rule (docs/clinical-sources.md#outcome-definitions):
 * baseline = last score before the first dose (`measurement_profiles.first_dose_at`; the first score
 * when no dose is recorded), change from baseline, response and remission, and a plain-language
 * summary for the patient. Scores marked entered-in-error are left out. Clinical readers and the
 * patient themself; every read is audited.
 */
import { computeOutcome, describeProgressForPatient } from '@plasticity/clinical/instruments';
import { AssessmentList, AssessmentListQuery, IdParams } from '@plasticity/contracts';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';
import { clinicInstrument } from './definitions.ts';
import { toAssessment } from './record.ts';

export function listAssessmentsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/assessments',
    {
      config: { policy: allow.roles(...CLINICAL_READERS).orSelf('id') },
      schema: {
        params: IdParams,
        querystring: AssessmentListQuery,
        response: { 200: AssessmentList },
        tags: ['measurement'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const instrument = req.query.instrument;
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const def = instrument ? await clinicInstrument(ctx.db, a.clinicId, instrument) : undefined;
      if (instrument && !def) {
        throw new AppError(
          'validation_failed',
          `querystring.instrument: unknown instrument "${instrument}"`,
          [{ field: 'querystring.instrument', message: `unknown instrument "${instrument}"` }],
        );
      }
      let q = ctx.db
        .selectFrom('assessments')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', patient.id)
        .where('entered_in_error_at', 'is', null);
      if (instrument) q = q.where('instrument_id', '=', instrument);
      const rows = await q.orderBy('administered_at', 'asc').orderBy('created_at', 'asc').execute();
      const profile = await ctx.db
        .selectFrom('measurement_profiles')
        .select('first_dose_at')
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', patient.id)
        .executeTakeFirst();
      const firstDoseAt = profile?.first_dose_at ? profile.first_dose_at.toISOString() : null;
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'assessment',
        patientId: patient.id,
        category: 'assessment',
        details: { instrument: instrument ?? null, results: rows.length },
      });
      const items = rows.map(toAssessment);
      const empty = {
        baseline: null,
        baselineAt: null,
        latest: null,
        latestAt: null,
        changePct: null,
        response: null,
        remission: null,
        progress: null,
      };
      if (!def || items.length === 0) return { items, firstDoseAt, ...empty };
      const outcome = computeOutcome(
        def,
        items.map((i) => ({ at: i.administeredAt, total: i.total })),
        firstDoseAt ?? undefined,
      );
      return {
        items,
        firstDoseAt,
        baseline: outcome.baseline,
        baselineAt: outcome.baselineAt,
        latest: outcome.latest,
        latestAt: outcome.latestAt,
        changePct: outcome.changePct,
        response: outcome.response,
        remission: outcome.remission,
        progress: describeProgressForPatient(def, outcome),
      };
    },
  );
}
