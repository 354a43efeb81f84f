/**
 * GET /api/v1/estimates/{id}.pdf — the good-faith estimate as the PDF the patient receives (estimate-pdf.ts: every
 * element of 45 CFR 149.610(c)(1) as text), headed by the clinic's name, address and phone; dates of issue in the
 * clinic's zone. A draft is marked as such, an estimate entered in error as not valid.
 * Roles: every staff role. 200 application/pdf; 404 for an estimate of another clinic. Audited as an export
 * naming the patient.
 */
import { instantToLocal } from '@plasticity/clinical/scheduling';
import { IdParams } from '@plasticity/contracts';
import { notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';

import { addressLine, addressOf } from '../../clinic/clinic-settings.ts';
import { estimatePdf } from './estimate-pdf.ts';
import { loadEstimates } from './estimate-view.ts';
import { READ_ESTIMATES } from './policies.ts';

export function getEstimatePdfRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/estimates/:id.pdf',
    {
      config: { policy: READ_ESTIMATES },
      schema: { params: IdParams, tags: ['estimates'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const [estimate] = await loadEstimates(ctx.db, { clinicId: a.clinicId, estimateId: req.params.id });
      if (!estimate) throw notFound('estimate');
      const patient = await ctx.db
        .selectFrom('patients')
        .select(['first_name', 'last_name', 'date_of_birth'])
        .where('clinic_id', '=', a.clinicId)
        .where('id', '=', estimate.patientId)
        .executeTakeFirstOrThrow();
      const clinic = await ctx.db
        .selectFrom('clinics')
        .select(['name', 'address', 'phone'])
        .where('id', '=', a.clinicId)
        .executeTakeFirstOrThrow();
      const bytes = await estimatePdf({
        estimate,
        patient: { name: `${patient.first_name} ${patient.last_name}`, dateOfBirth: patient.date_of_birth },
        clinic: {
          name: clinic.name,
          address: addressLine(clinic.address),
          state: addressOf(clinic.address).state,
          phone: clinic.phone ?? '',
        },
        issuedOn: estimate.issuedAt ? instantToLocal(new Date(estimate.issuedAt), a.timeZone).date : null,
      });
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'export',
        resourceType: 'good_faith_estimate',
        resourceId: estimate.id,
        patientId: estimate.patientId,
        category: 'billing',
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="good-faith-estimate-${estimate.id}.pdf"`)
        .send(Buffer.from(bytes));
    },
  );
}
