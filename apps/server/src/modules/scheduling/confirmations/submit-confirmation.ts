/**
 * POST /api/v1/public/confirmations/{token} SubmitConfirmationRequest → 200 PublicConfirmationView (public: the
 * link is the credential). `confirm` stores the escort's name and phone, fasting and no-driving; `reschedule`
 * asks the clinic to move the visit (staff see it on the day list). The link is claimed with one conditional
 * UPDATE in the same transaction as the change, the appointment's event and the audit entry (both by the
 * patient link), so it is used once even under concurrent submissions. Unknown token → 404; used → 410
 * `link_used`; expired or the visit no longer booked → 410 `link_expired`; bad input → 400 naming the field,
 * and the link stays usable; rate-limited (429).
 */
import { PublicConfirmationView, SubmitConfirmationRequest, TokenParams } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError } from '../../../platform/errors.ts';
import { claimLink } from '../../../platform/link-claim.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import {
  CONFIRMATION_LINK_POLICY,
  type LinkGuard,
  linkActor,
  openConfirmationLink,
} from './confirmation-link.ts';
import { confirmationView } from './confirmation-view.ts';

export function submitConfirmationRoute(app: ZodApp, ctx: ModuleContext, guard: LinkGuard): void {
  app.post(
    '/api/v1/public/confirmations/:token',
    {
      config: { policy: CONFIRMATION_LINK_POLICY },
      schema: {
        params: TokenParams,
        body: SubmitConfirmationRequest,
        response: { 200: PublicConfirmationView },
        tags: ['scheduling'],
      },
    },
    async (req) => {
      guard(req);
      const link = await openConfirmationLink(ctx.db, ctx, req.params.token);
      const b = req.body;
      return ctx.db.transaction().execute(async (trx) => {
        const now = ctx.clock.now();
        if (!(await claimLink(trx, { kind: 'appointment_confirmation', id: link.id }, now)))
          throw new AppError(
            'link_used',
            'this link has already been used; call the clinic to change your answer',
          );
        const appt = await trx
          .updateTable('appointments')
          .set(
            b.action === 'confirm'
              ? {
                  confirmed_at: now,
                  escort_name: b.escortName,
                  escort_phone: b.escortPhone,
                  fasting_confirmed: true,
                  no_driving_confirmed: true,
                  reschedule_requested_at: null,
                  reschedule_note: null,
                  updated_at: now,
                }
              : { reschedule_requested_at: now, reschedule_note: b.note ?? null, updated_at: now },
          )
          .where('clinic_id', '=', link.clinic_id)
          .where('id', '=', link.appointment_id)
          .where('status', '=', 'booked')
          .returning(['id', 'patient_id'])
          .executeTakeFirst();
        if (!appt) throw new AppError('link_expired', 'this visit is no longer booked; call the clinic');
        await trx
          .insertInto('appointment_events')
          .values({
            clinic_id: link.clinic_id,
            appointment_id: appt.id,
            at: now,
            action: b.action === 'confirm' ? 'confirmed' : 'reschedule_requested',
            actor_kind: 'patient_link',
            details: toJson({ linkId: link.id }),
          })
          .execute();
        await ctx.audit.record(trx, linkActor(req, link.clinic_id), {
          action: 'update',
          resourceType: 'appointment',
          resourceId: appt.id,
          patientId: appt.patient_id,
          category: 'scheduling',
          details: { via: 'confirmation_link', linkId: link.id, action: b.action },
        });
        return (await confirmationView(trx, link.clinic_id, appt.id)).view;
      });
    },
  );
}
