/**
 * GET /api/v1/patients/{id}/superbill.pdf?from=YYYY-MM-DD&to=YYYY-MM-DD — the superbill for the dates of service
 * in the range (both included, clinic dates): clinic name, address, NPI, TIN; rendering clinicians with NPI;
 * patient name, date of birth, address; each date of service with place of service, CPT/HCPCS code with
 * modifiers and units, ICD-10-CM codes, charge and amount due; payments received in the range; a signature line.
 * Voided charges and payments are left out. Roles: admin, front desk, prescriber. 200 PDF; 400 naming
 * `querystring.from`/`querystring.to` for a missing or impossible date or `to` before `from`; 404 for a patient of another
 * clinic. Audited as an export.
 */
import { IdParams, SuperbillQuery } from '@plasticity/contracts';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { clinicDate, stamp } from '../../../platform/time-format.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { billingParty } from './billing-party.ts';
import { chargeRows, paymentRows } from './charge-rows.ts';
import { renderSuperbill } from './render-billing-pdf.ts';
import { BILLING_ROLES } from './roles.ts';

export function getSuperbillRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/superbill.pdf',
    {
      config: { policy: allow.roles(...BILLING_ROLES) },
      schema: { params: IdParams, querystring: SuperbillQuery, tags: ['billing'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const { from, to } = req.query;
      if (to < from) throw badField('querystring.to', 'must not be before the start date');
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const charges = await chargeRows(ctx.db, a.clinicId, patient.id, { from, to });
      const payments = (await paymentRows(ctx.db, a.clinicId, patient.id)).filter((p) => {
        const d = clinicDate(new Date(p.receivedAt), a.timeZone);
        return d >= from && d <= to;
      });
      const party = await billingParty(ctx.db, a.clinicId, patient.id);
      const bytes = await renderSuperbill(
        party,
        { from, to },
        [...charges].reverse(),
        [...payments].reverse(),
        stamp(ctx.clock.now(), a.timeZone),
        a.timeZone,
      );
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'export',
        resourceType: 'superbill',
        patientId: patient.id,
        category: 'billing',
        details: { format: 'pdf', from, to, charges: charges.length },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="superbill-${from}-${to}.pdf"`)
        .send(Buffer.from(bytes));
    },
  );
}
