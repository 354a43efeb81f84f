/**
 * GET/PUT /api/v1/patients/{id}/care-team {userIds} — who looks after the patient; suicide-risk and
 * other alerts go to them first, else to every prescriber. Members must be active
 * clinicians (prescriber, nurse, therapist) of the caller's clinic. PUT replaces the list. Both are
 * audited (the read as a read of the patient's care team).
 */
import { CareTeam, IdParams } from '@plasticity/contracts';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';

export function careTeamRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/care-team',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { params: IdParams, response: { 200: CareTeam }, tags: ['alerts'] },
    },
    async (req) => {
      const a = authOf(req);
      const p = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const rows = await ctx.db
        .selectFrom('care_team')
        .select('user_id')
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', p.id)
        .orderBy('created_at')
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'care_team',
        patientId: p.id,
        category: 'care_team',
        details: { members: rows.length },
      });
      return { userIds: rows.map((r) => r.user_id) };
    },
  );
  app.put(
    '/api/v1/patients/:id/care-team',
    {
      config: { policy: allow.roles('admin', 'prescriber', 'nurse') },
      schema: { params: IdParams, body: CareTeam, response: { 200: CareTeam }, tags: ['alerts'] },
    },
    async (req) => {
      const a = authOf(req);
      const ids = [...new Set(req.body.userIds)];
      await ctx.db.transaction().execute(async (trx) => {
        const p = await requirePatient(trx, a.clinicId, req.params.id);
        const members = ids.length
          ? await trx
              .selectFrom('memberships')
              .select('user_id')
              .where('clinic_id', '=', a.clinicId)
              .where('active', '=', true)
              .where('role', 'in', ['prescriber', 'nurse', 'therapist'])
              .where('user_id', 'in', ids)
              .execute()
          : [];
        const ok = new Set(members.map((m) => m.user_id));
        const bad = req.body.userIds.findIndex((u) => !ok.has(u));
        if (bad >= 0) {
          const field = `body.userIds[${bad}]`;
          throw new AppError('validation_failed', `${field}: is not an active clinician of this clinic`, [
            { field, message: 'is not an active clinician of this clinic' },
          ]);
        }
        await trx
          .deleteFrom('care_team')
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', p.id)
          .execute();
        for (const u of ids)
          await trx
            .insertInto('care_team')
            .values({ clinic_id: a.clinicId, patient_id: p.id, user_id: u, created_at: ctx.clock.now() })
            .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'care_team',
          patientId: p.id,
          category: 'care_team',
          details: { members: ids.length },
        });
      });
      return { userIds: ids };
    },
  );
}
