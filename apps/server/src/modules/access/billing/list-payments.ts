/**
 * GET /api/v1/patients/{id}/payments — the patient's payments, newest first, voided ones included (marked).
 * Roles: admin, front desk, prescriber. 200; 404 for a patient of another clinic. Audited against the patient.
 */
import { IdParams, PaymentList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { paymentRows } from './charge-rows.ts';
import { BILLING_ROLES } from './roles.ts';

export function listPaymentsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/payments',
    {
      config: { policy: allow.roles(...BILLING_ROLES) },
      schema: { params: IdParams, response: { 200: PaymentList }, tags: ['billing'] },
    },
    async (req) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const items = await paymentRows(ctx.db, a.clinicId, patient.id);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'payment',
        patientId: patient.id,
        category: 'billing',
        details: { results: items.length },
      });
      return { items };
    },
  );
}
