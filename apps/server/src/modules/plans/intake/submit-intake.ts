/**
 * POST /api/v1/patients/{id}/intake — the structured intake (Sanacora et al., APA consensus statement,
 * JAMA Psychiatry 2017: diagnosis, psychiatric and substance history, medical review, medications,
 * baseline measurements), by staff or by the patient in the portal. Each submission is a new record (the
 * latest is what eligibility evaluates); a measured weight becomes a weight observation with its time,
 * which the dose calculator reads. Medicine and allergy rows (`medications.entries`, `allergyEntries`) land on
 * the chart's lists as patient-reported (or staff-entered), not reconciled; the stored intake keeps their names
 * in `medications.list` and `allergies`. Prior antidepressant trials stay on the intake for the TRD rule.
 */
import { IdParams, IntakeRecord, IntakeRequest } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { recordReportedEntries } from '../../medications/record-reported.ts';
import { patientOf } from '../patient-and-settings.ts';
import { toIntakeRecord } from './intake-row.ts';
import { scoreScreens } from './score-screens.ts';

export function submitIntakeRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/intake',
    {
      config: { policy: allow.roles(...STAFF).orSelf('id') },
      schema: { params: IdParams, body: IntakeRequest, response: { 201: IntakeRecord }, tags: ['intake'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const now = ctx.clock.now();
      const scores = scoreScreens(b.substanceUse);
      const { weightMeasuredAt, ...measurements } = b.measurements;
      const measuredAt = weightMeasuredAt ? new Date(weightMeasuredAt) : now;
      if (measuredAt.getTime() > now.getTime() + 5 * 60_000)
        throw badField('body.measurements.weightMeasuredAt', 'cannot be in the future');
      if (weightMeasuredAt && measurements.weightKg === undefined)
        throw badField(
          'body.measurements.weightKg',
          'is required when the time the weight was measured is given',
        );
      const {
        auditAnswers: _a,
        dast10Answers: _d,
        auditTotal: _t1,
        dast10Total: _t2,
        ...substance
      } = b.substanceUse;
      const { entries: medRows = [], ...medications } = b.medications;
      const { allergyEntries: allergyRows = [], ...rest } = b;
      const intake = {
        ...rest,
        medications: {
          ...medications,
          ...(medRows.length || medications.list
            ? { list: [...new Set([...(medications.list ?? []), ...medRows.map((m) => m.name)])] }
            : {}),
        },
        allergies: [...new Set([...b.allergies, ...allergyRows.map((x) => x.name)])],
        substanceUse: {
          ...substance,
          ...(scores.auditTotal !== undefined ? { auditTotal: scores.auditTotal } : {}),
          ...(scores.dast10Total !== undefined ? { dast10Total: scores.dast10Total } : {}),
        },
        measurements,
        screens: {
          ...(scores.audit ? { audit: scores.audit } : {}),
          ...(scores.dast10 ? { dast10: scores.dast10 } : {}),
        },
        ...(measurements.weightKg !== undefined ? { weightMeasuredAt: measuredAt.toISOString() } : {}),
      };
      const row = await ctx.db.transaction().execute(async (trx) => {
        await patientOf(trx, a.clinicId, req.params.id);
        const inserted = await trx
          .insertInto('plan_intakes')
          .values({
            clinic_id: a.clinicId,
            patient_id: req.params.id,
            data: toJson(intake),
            submitted_by: a.userId,
            submitted_role: a.role,
            created_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (measurements.weightKg !== undefined) {
          await trx
            .insertInto('plan_weight_observations')
            .values({
              clinic_id: a.clinicId,
              patient_id: req.params.id,
              weight_kg: String(measurements.weightKg),
              measured_at: measuredAt,
              source: 'intake',
              intake_id: inserted.id,
              recorded_by: a.userId,
              created_at: now,
            })
            .execute();
        }
        const listed = await recordReportedEntries(
          trx,
          {
            clinicId: a.clinicId,
            patientId: req.params.id,
            userId: a.userId,
            role: a.role,
            intakeId: inserted.id,
            now,
          },
          { medications: medRows, allergies: allergyRows },
        );
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'intake',
          resourceId: inserted.id,
          patientId: req.params.id,
          category: 'intake',
          details: { weightRecorded: measurements.weightKg !== undefined, listed },
        });
        return inserted;
      });
      return reply.status(201).send(toIntakeRecord(row));
    },
  );
}
