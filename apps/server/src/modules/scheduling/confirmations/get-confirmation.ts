/**
 * GET /api/v1/public/confirmations/{token} → 200 PublicConfirmationView (public: the link is the credential).
 * What the patient sees before a dosing visit: first name, clinic, time in the clinic's zone, how to prepare
 * and what was confirmed. Opening the page does not use the link. Unknown token → 404; used → 410
 * `link_used`; expired → 410 `link_expired`; rate-limited per source address (429) like the self-report links.
 * Audited as a read by the patient link.
 */
import { PublicConfirmationView, TokenParams } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import {
  CONFIRMATION_LINK_POLICY,
  type LinkGuard,
  linkActor,
  openConfirmationLink,
} from './confirmation-link.ts';
import { confirmationView } from './confirmation-view.ts';

export function getConfirmationRoute(app: ZodApp, ctx: ModuleContext, guard: LinkGuard): void {
  app.get(
    '/api/v1/public/confirmations/:token',
    {
      config: { policy: CONFIRMATION_LINK_POLICY },
      schema: { params: TokenParams, response: { 200: PublicConfirmationView }, tags: ['scheduling'] },
    },
    async (req) => {
      guard(req);
      const link = await openConfirmationLink(ctx.db, ctx, req.params.token);
      return ctx.db.transaction().execute(async (trx) => {
        const { view, patientId } = await confirmationView(trx, link.clinic_id, link.appointment_id);
        await ctx.audit.record(trx, linkActor(req, link.clinic_id), {
          action: 'read',
          resourceType: 'appointment_confirmation_link',
          resourceId: link.id,
          patientId,
          category: 'scheduling',
        });
        return view;
      });
    },
  );
}
