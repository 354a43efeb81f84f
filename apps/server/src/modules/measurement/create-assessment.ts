/**
 * POST /api/v1/patients/{id}/assessments {instrument, answers, administeredAt?} → 201 with the score.
 *
 * Who: prescriber, nurse and therapist; clinician-rated scales only by the roles in
 * `CLINICIAN_RATED_ENTRY_ROLES` (403 otherwise); the patient themself for self-report instruments
 * (portal). Bad input — unknown instrument, wrong number of answers, a value not on the form, an
 * incomplete form the instrument's rule refuses, a future `administeredAt` — is a 400 naming the
 * field (`answers[8]` = item 9) and stores nothing. A suicide-risk flag raises the alert in the same
 * transaction and the response carries `flags: ["suicide_risk"]` and the crisis resources.
 */
import { AssessmentCreated, CreateAssessmentRequest, IdParams } from '@plasticity/contracts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { clinicInstrument, mayEnter } from './definitions.ts';
import {
  administeredAtOrThrow,
  CRISIS_RESOURCES,
  recordAssessment,
  SUICIDE_RISK,
  scoreOrThrow,
} from './record.ts';

export function createAssessmentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/assessments',
    {
      config: { policy: allow.roles('prescriber', 'nurse', 'therapist').orSelf('id') },
      schema: {
        params: IdParams,
        body: CreateAssessmentRequest,
        response: { 201: AssessmentCreated },
        tags: ['measurement'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const patient = await ctx.db
        .selectFrom('patients')
        .select(['id', 'sex'])
        .where('clinic_id', '=', a.clinicId)
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!patient) throw notFound('patient');
      const def = await clinicInstrument(ctx.db, a.clinicId, b.instrument);
      if (!def) {
        throw new AppError('validation_failed', `instrument: unknown instrument "${b.instrument}"`, [
          {
            field: 'instrument',
            message: `unknown instrument "${b.instrument}"; see GET /api/v1/instruments`,
          },
        ]);
      }
      if (!mayEnter(def, a.role)) {
        throw forbidden(
          a.role === 'patient'
            ? `${def.name} is completed by your clinician`
            : `${def.name} is clinician-rated: your role may not enter it`,
        );
      }
      const administeredAt = administeredAtOrThrow(ctx, b.administeredAt);
      const score = scoreOrThrow(def, b.answers, patient.sex);
      const answers = b.answers as (number | null)[];
      const result = await ctx.db.transaction().execute((trx) =>
        recordAssessment(trx, ctx, actorOf(req), {
          clinicId: a.clinicId,
          patientId: patient.id,
          def,
          answers,
          score,
          administeredAt,
          source: a.role === 'patient' ? 'portal' : 'staff',
          enteredBy: a.userId,
        }),
      );
      const crisis = result.assessment.flags.includes(SUICIDE_RISK);
      return reply.status(201).send({
        ...result.assessment,
        alertId: result.alertId,
        crisis,
        ...(crisis ? { resources: CRISIS_RESOURCES } : {}),
      });
    },
  );
}
