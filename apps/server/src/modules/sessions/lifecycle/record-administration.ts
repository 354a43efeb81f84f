/**
 * POST /api/v1/sessions/{id}/administrations — the administration record (issue 6 §3): dose as calculated
 * (with its inputs), concentration, volume, the register container drawn from (its lot and expiry follow
 * from the controlled-substance register's `cs_containers` when given), start/stop, pauses and rate changes,
 * who administered (the caller) and who verified (a different clinician of the clinic). Drug and route come
 * from the session's protocol; a fixed-dose protocol (SPRAVATO: 56 or 84 mg, REFERENCE.md §2) accepts only
 * its listed doses. The first administration's start is the dose time (discharge's 120-min rule counts from it).
 * The draw and witnessed waste themselves are movements in the controlled module's register.
 */
import { AdministrationRequest, IdParams } from '@plasticity/contracts';
import { sql } from 'kysely';
import { AppError, badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { emitBoardEvent } from '../board/hub.ts';
import { assertUnlocked, loadSession, protocolOf } from '../shared/load.ts';
import { tableExists } from '../shared/protocol-lookup.ts';
import { sessionDetail } from './session-detail.ts';

export function recordAdministrationRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/sessions/:id/administrations',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: { params: IdParams, body: AdministrationRequest, tags: ['sessions'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const now = ctx.clock.now();
      if (b.stoppedAt && Date.parse(b.stoppedAt) < Date.parse(b.startedAt))
        throw badField('body.stoppedAt', 'is before startedAt');
      if (b.verifiedBy === a.userId)
        throw badField('body.verifiedBy', 'must be a different clinician than the one administering');
      const row = await ctx.db.transaction().execute(async (trx) => {
        const s = await loadSession(trx, a.clinicId, req.params.id, { forUpdate: true });
        assertUnlocked(s);
        if (!['dosing', 'monitoring'].includes(s.status)) {
          throw new AppError('conflict', `a dose is recorded while dosing (the session is ${s.status})`, [
            { field: 'status', message: s.status },
          ]);
        }
        const p = protocolOf(s);
        if (p.dose.kind === 'fixed' && !p.dose.allowedMg.includes(b.doseMg)) {
          throw badField('body.doseMg', `must be one of ${p.dose.allowedMg.join(', ')} mg for this protocol`);
        }
        if (b.verifiedBy) {
          const v = await trx
            .selectFrom('memberships')
            .select('id')
            .where('clinic_id', '=', a.clinicId)
            .where('user_id', '=', b.verifiedBy)
            .where('role', 'in', ['prescriber', 'nurse'])
            .where('active', '=', true)
            .executeTakeFirst();
          if (!v) throw badField('body.verifiedBy', 'is not an active prescriber or nurse of this clinic');
        }
        let lot = b.lot ?? null;
        let expiry = b.expiry ?? null;
        if (b.containerId) {
          const c = (await tableExists(trx, 'cs_containers'))
            ? (
                await sql<{
                  lot: string;
                  expires_on: string;
                }>`select lot, expires_on::text from cs_containers where clinic_id = ${a.clinicId} and id = ${b.containerId}`.execute(
                  trx,
                )
              ).rows[0]
            : undefined;
          if (!c) throw badField('body.containerId', 'is not a container in this clinic’s register');
          lot = c.lot;
          expiry = c.expires_on;
        }
        await trx
          .insertInto('session_administrations')
          .values({
            clinic_id: a.clinicId,
            session_id: s.id,
            drug: p.drug,
            route: p.route,
            dose_mg: String(b.doseMg),
            dose_inputs: b.doseInputs ? JSON.stringify(b.doseInputs) : null,
            concentration_mg_per_ml:
              b.concentrationMgPerMl !== undefined ? String(b.concentrationMgPerMl) : null,
            volume_ml: b.volumeMl !== undefined ? String(b.volumeMl) : null,
            container_id: b.containerId ?? null,
            lot,
            expiry,
            started_at: b.startedAt,
            stopped_at: b.stoppedAt ?? null,
            events: JSON.stringify(b.events ?? []),
            administered_by: a.userId,
            verified_by: b.verifiedBy ?? null,
            recorded_at: now,
          })
          .execute();
        const start = new Date(b.startedAt);
        const doseStart =
          s.dose_started_at && new Date(s.dose_started_at) < start ? new Date(s.dose_started_at) : start;
        const updated = await trx
          .updateTable('dosing_sessions')
          .set({ dose_started_at: doseStart, updated_at: now })
          .where('id', '=', s.id)
          .where('clinic_id', '=', a.clinicId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'dosing_administration',
          resourceId: s.id,
          patientId: s.patient_id,
          category: 'controlled_substance',
          details: { doseMg: b.doseMg },
        });
        await emitBoardEvent(trx, now, a.clinicId, 'session', s.id, {
          sessionId: s.id,
          chair: s.chair,
          status: s.status,
          doseStartedAt: doseStart.toISOString(),
        });
        return updated;
      });
      return reply.status(201).send(await sessionDetail(ctx.db, row, now));
    },
  );
}
