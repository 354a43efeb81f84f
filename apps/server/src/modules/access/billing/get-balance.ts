/**
 * GET /api/v1/patients/{id}/balance — what the patient has been charged (net of discounts, voided lines
 * excluded), has paid (voided payments excluded) and owes. Roles: admin, front desk, prescriber. 200; 404 for a
 * patient of another clinic. Audited against the patient.
 */
import { Balance, IdParams } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { balanceOf, chargeRows, paymentRows } from './charge-rows.ts';
import { BILLING_ROLES } from './roles.ts';

export function getBalanceRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/balance',
    {
      config: { policy: allow.roles(...BILLING_ROLES) },
      schema: { params: IdParams, response: { 200: Balance }, tags: ['billing'] },
    },
    async (req) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const balance = balanceOf(
        await chargeRows(ctx.db, a.clinicId, patient.id),
        await paymentRows(ctx.db, a.clinicId, patient.id),
      );
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'charge',
        patientId: patient.id,
        category: 'billing',
        details: { balance: true },
      });
      return balance;
    },
  );
}
