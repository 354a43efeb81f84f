/**
 * GET /api/v1/billing/clinicians — the clinic's active clinicians (prescribers, nurses, therapists) with their NPI,
 * printed as rendering provider on superbills. PUT /api/v1/billing/clinicians/{id}/npi {npi} — an admin sets or
 * clears one. Roles: admin. 200; 400 naming `body.npi` when the check digit fails (CMS NPI standard,
 * docs/clinical-sources.md#identifiers-on-the-clinics-documents); 404 for a user who is not a clinician of this
 * clinic. Staff data only (no patient data; the list is not audited, the change is).
 */
import { isValidNpi } from '@plasticity/clinical/identifiers';
import { IdParams, RenderingClinician, RenderingClinicianList, SetNpiRequest } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';

const CLINICIAN_ROLES = ['prescriber', 'nurse', 'therapist'];

function clinicians(db: Kysely<DB>, clinicId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name as name', 'm.role', 'u.npi'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.role', 'in', CLINICIAN_ROLES)
    .where('m.active', '=', true)
    .orderBy('u.display_name');
}

export function renderingCliniciansRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/billing/clinicians',
    {
      config: { policy: allow.roles('admin') },
      schema: { response: { 200: RenderingClinicianList }, tags: ['billing'] },
    },
    async (req) => ({ items: await clinicians(ctx.db, authOf(req).clinicId).execute() }),
  );

  app.put(
    '/api/v1/billing/clinicians/:id/npi',
    {
      config: { policy: allow.roles('admin') },
      schema: {
        params: IdParams,
        body: SetNpiRequest,
        response: { 200: RenderingClinician },
        tags: ['billing'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const { npi } = req.body;
      if (npi !== null && !isValidNpi(npi))
        throw badField('body.npi', 'is not a valid NPI (the check digit fails)');
      return ctx.db.transaction().execute(async (trx) => {
        const u = await clinicians(trx, a.clinicId).where('u.id', '=', req.params.id).executeTakeFirst();
        if (!u) throw notFound('clinician');
        await trx.updateTable('users').set({ npi }).where('id', '=', u.id).execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'user',
          resourceId: u.id,
          category: 'configuration',
          details: { npi: npi !== null },
        });
        return { ...u, npi };
      });
    },
  );
}
