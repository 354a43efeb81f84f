/**
 * GET /api/v1/patients/{id}/part2-disclosures (admin, prescriber) → 200 Part2DisclosureList: the accounting of
 * disclosures of the patient's records to system clients under their Part 2 consents (42 CFR 2.25(a): all
 * disclosures made with consent in the 3 years before the request; its content per 45 CFR 164.528(b)(2): the
 * date, the recipient, a brief description of what was disclosed — the resource type and how many, never the
 * content — and the purpose, from the consent). Newest first, the last 3 years. 404 for another clinic's patient.
 * Audited as a read.
 */
import { IdParams, Part2DisclosureList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { disclosuresOf } from './disclosure-rows.ts';
import { PART2_ACCOUNTING_READERS } from './roles.ts';

export function listPart2DisclosuresRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/part2-disclosures',
    {
      config: { policy: allow.roles(...PART2_ACCOUNTING_READERS) },
      schema: { params: IdParams, response: { 200: Part2DisclosureList }, tags: ['consent'] },
    },
    async (req) => {
      const a = authOf(req);
      return ctx.db.transaction().execute(async (trx) => {
        await requirePatient(trx, a.clinicId, req.params.id);
        const items = await disclosuresOf(trx, a.clinicId, req.params.id, ctx.clock.now());
        await ctx.audit.record(trx, actorOf(req), {
          action: 'read',
          resourceType: 'part2_disclosure',
          patientId: req.params.id,
          category: 'consent',
          details: { results: items.length },
        });
        return { items };
      });
    },
  );
}
