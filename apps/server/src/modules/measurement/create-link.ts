/**
 * POST /api/v1/patients/{id}/self-report-links {instruments} → 201 {id, url, token, expiresAt}.
 * Staff who work with the patient (clinicians and front desk) send a patient forms to complete on a
 * phone without logging in. Only self-report instruments may be sent. Audited (the link is bound to
 * the patient); the token itself is never logged or audited.
 */
import { CreateSelfReportLinkRequest, IdParams, SelfReportLinkCreated } from '@plasticity/contracts';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';
import { clinicInstruments } from './definitions.ts';
import { createLink } from './links.ts';

export function createLinkRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/self-report-links',
    {
      config: { policy: allow.roles('prescriber', 'nurse', 'therapist', 'front_desk') },
      schema: {
        params: IdParams,
        body: CreateSelfReportLinkRequest,
        response: { 201: SelfReportLinkCreated },
        tags: ['measurement'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const defs = await clinicInstruments(ctx.db, a.clinicId);
      const wanted = req.body.instruments;
      wanted.forEach((id, i) => {
        const def = defs.find((d) => d.id === id);
        const field = `body.instruments[${i}]`;
        if (!def)
          throw new AppError('validation_failed', `${field}: unknown instrument "${id}"`, [
            { field, message: `unknown instrument "${id}"` },
          ]);
        if (def.kind !== 'self_report')
          throw new AppError('validation_failed', `${field}: ${def.name} is clinician-rated`, [
            { field, message: `${def.name} is clinician-rated and cannot be sent to a patient` },
          ]);
        if (wanted.indexOf(id) !== i)
          throw new AppError('validation_failed', `${field}: listed twice`, [
            { field, message: 'is listed twice' },
          ]);
      });
      const link = await ctx.db.transaction().execute(async (trx) => {
        const p = await requirePatient(trx, a.clinicId, req.params.id);
        const l = await createLink(trx, ctx, {
          clinicId: a.clinicId,
          patientId: p.id,
          instruments: wanted,
          createdBy: a.userId,
        });
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'self_report_link',
          resourceId: l.id,
          patientId: p.id,
          category: 'assessment',
          details: { instruments: wanted },
        });
        return l;
      });
      return reply
        .status(201)
        .send({ id: link.id, url: link.url, token: link.token, expiresAt: link.expiresAt.toISOString() });
    },
  );
}
