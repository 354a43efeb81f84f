/**
 * GET /api/v1/part2-recipients (admin, prescriber, nurse, therapist) → 200 Part2RecipientList: the clinic's
 * enabled FHIR system clients by name, A to Z — the recipients a 42 CFR Part 2 disclosure consent may name
 * (42 CFR 2.31(a)(4)). The client list itself (keys, scopes, disabled ones) stays with the admin
 * (GET /api/v1/fhir-clients); the staff who record consents need only the names. No patient data.
 */
import { Part2RecipientList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { authOf } from '../../../platform/request-context.ts';
import { PART2_CONSENT_RECORDERS } from './roles.ts';

export function listPart2RecipientsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/part2-recipients',
    {
      config: { policy: allow.roles(...PART2_CONSENT_RECORDERS) },
      schema: { response: { 200: Part2RecipientList }, tags: ['consent'] },
    },
    async (req) => {
      const items = await ctx.db
        .selectFrom('fhir_clients')
        .select(['id', 'name'])
        .where('clinic_id', '=', authOf(req).clinicId)
        .where('disabled_at', 'is', null)
        .orderBy('name')
        .orderBy('id')
        .execute();
      return { items };
    },
  );
}
