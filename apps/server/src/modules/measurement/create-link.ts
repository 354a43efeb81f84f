/**
 * Self-report links created by staff who work with the patient (clinicians and front desk):
 * - POST /api/v1/patients/{id}/self-report-links {instruments} → 201 {id, sentTo, expiresAt}: the link
 *   is sent to the patient's email through the outbox; its token is minted only when the message is
 *   sent (platform/mailer.ts), so the staff member never holds a link they could complete themselves.
 *   409 when the patient has no email on file.
 * - POST /api/v1/patients/{id}/self-report-links/clinic-device {instruments} → 201 {id, url, token,
 *   expiresAt}: "hand the patient a tablet", only when the clinic has turned that mode on (409 otherwise).
 *   The link lasts an hour and records who handed the device over; answers given through it are stored
 *   as completed on a clinic device, by that person's hand.
 * Only self-report instruments may be sent (400 naming the entry). Audited (the link is bound to the
 * patient); the token itself is never logged or audited.
 */
import {
  ClinicDeviceSelfReport,
  CreateSelfReportLinkRequest,
  IdParams,
  SelfReportLinkCreated,
} from '@plasticity/contracts';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';
import { clinicInstruments } from './definitions.ts';
import { createLink, SELF_REPORT_LINK_HOURS } from './links.ts';

const LINK_CREATORS = ['prescriber', 'nurse', 'therapist', 'front_desk'] as const;

async function checkInstruments(ctx: ModuleContext, clinicId: string, wanted: string[]) {
  const defs = await clinicInstruments(ctx.db, clinicId);
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
}

const auditLink = (link: { id: string }, patientId: string, details: Record<string, unknown>) => ({
  action: 'create' as const,
  resourceType: 'self_report_link' as const,
  resourceId: link.id,
  patientId,
  category: 'assessment' as const,
  details,
});

export function createLinkRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/self-report-links',
    {
      config: { policy: allow.roles(...LINK_CREATORS) },
      schema: {
        params: IdParams,
        body: CreateSelfReportLinkRequest,
        response: { 201: SelfReportLinkCreated },
        tags: ['measurement'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const wanted = req.body.instruments;
      await checkInstruments(ctx, a.clinicId, wanted);
      const out = await ctx.db.transaction().execute(async (trx) => {
        const p = await requirePatient(trx, a.clinicId, req.params.id);
        const patient = await trx
          .selectFrom('patients')
          .select(['first_name', 'email'])
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', p.id)
          .executeTakeFirstOrThrow();
        if (!patient.email)
          throw new AppError(
            'conflict',
            'the patient has no email on file: add one to send forms, or hand the patient a clinic device',
          );
        const l = await createLink(trx, ctx, {
          clinicId: a.clinicId,
          patientId: p.id,
          instruments: wanted,
          createdBy: a.userId,
        });
        await ctx.mailer.enqueue(trx, {
          clinicId: a.clinicId,
          recipient: patient.email,
          kind: 'self_report_link',
          subject: `${a.clinicName}: a few short questions`,
          body: `Hello ${patient.first_name},\n\n${a.clinicName} asks you to answer a few short questions:\n${l.template}\n\nThe link works once and expires in ${SELF_REPORT_LINK_HOURS} hours.\n`,
          link: { kind: 'self_report', id: l.id },
        });
        await ctx.audit.record(
          trx,
          actorOf(req),
          auditLink(l, p.id, { instruments: wanted, delivery: 'message' }),
        );
        return { id: l.id, sentTo: patient.email, expiresAt: l.expiresAt.toISOString() };
      });
      return reply.status(201).send(out);
    },
  );

  app.post(
    '/api/v1/patients/:id/self-report-links/clinic-device',
    {
      config: { policy: allow.roles(...LINK_CREATORS) },
      schema: {
        params: IdParams,
        body: CreateSelfReportLinkRequest,
        response: { 201: ClinicDeviceSelfReport },
        tags: ['measurement'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      if (!a.settings.clinicDeviceSelfReport)
        throw new AppError(
          'conflict',
          'this clinic does not hand forms to patients on clinic devices (an admin can turn it on in clinic settings)',
        );
      const wanted = req.body.instruments;
      await checkInstruments(ctx, a.clinicId, wanted);
      const link = await ctx.db.transaction().execute(async (trx) => {
        const p = await requirePatient(trx, a.clinicId, req.params.id);
        const l = await createLink(trx, ctx, {
          clinicId: a.clinicId,
          patientId: p.id,
          instruments: wanted,
          createdBy: a.userId,
          handedBy: a.userId,
        });
        await ctx.audit.record(
          trx,
          actorOf(req),
          auditLink(l, p.id, { instruments: wanted, delivery: 'clinic_device' }),
        );
        return l;
      });
      return reply
        .status(201)
        .send({ id: link.id, url: link.url, token: link.token, expiresAt: link.expiresAt.toISOString() });
    },
  );
}
