/**
 * GET /api/v1/payments/{id}/receipt.pdf — the receipt of one payment: clinic name, address, NPI, TIN; the
 * patient's name, date of birth and address; amount, method, reference, when received (clinic time) and the
 * account balance today; a voided payment's receipt says so. Roles: admin, front desk, prescriber. 200 PDF;
 * 404 for a payment of another clinic. Audited as an export against the patient.
 */
import { IdParams } from '@plasticity/contracts';
import { notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { stamp } from '../../../platform/time-format.ts';
import { billingParty } from './billing-party.ts';
import { balanceOf, chargeRows, paymentRows } from './charge-rows.ts';
import { renderReceipt } from './render-billing-pdf.ts';
import { BILLING_ROLES } from './roles.ts';

export function getReceiptRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/payments/:id/receipt.pdf',
    {
      config: { policy: allow.roles(...BILLING_ROLES) },
      schema: { params: IdParams, tags: ['billing'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const row = await ctx.db
        .selectFrom('payments')
        .select(['id', 'patient_id'])
        .where('clinic_id', '=', a.clinicId)
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!row) throw notFound('payment');
      const payments = await paymentRows(ctx.db, a.clinicId, row.patient_id);
      const payment = payments.find((p) => p.id === row.id);
      if (!payment) throw notFound('payment');
      const balance = balanceOf(await chargeRows(ctx.db, a.clinicId, row.patient_id), payments);
      const party = await billingParty(ctx.db, a.clinicId, row.patient_id);
      const bytes = await renderReceipt(
        party,
        payment,
        stamp(new Date(payment.receivedAt), a.timeZone),
        balance.balanceCents,
      );
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'export',
        resourceType: 'payment',
        resourceId: row.id,
        patientId: row.patient_id,
        category: 'billing',
        details: { format: 'pdf' },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="receipt-${row.id}.pdf"`)
        .send(Buffer.from(bytes));
    },
  );
}
