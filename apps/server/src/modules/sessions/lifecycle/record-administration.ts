/**
 * POST /api/v1/sessions/{id}/administrations — the administration record (issue 6 §3): dose as calculated
 * (with its inputs), concentration, volume, the register container drawn from (its lot and expiry follow
 * from the controlled-substance register), start/stop, pauses and rate changes, who administered (the
 * caller) and who verified (a different clinician of the clinic). Drug and route come from the session's
 * protocol; a fixed-dose protocol (SPRAVATO: 56 or 84 mg, REFERENCE.md §2) accepts only its listed doses.
 * The first administration's start is the dose time (discharge's 120-min rule counts from it).
 *
 * With a container, the same transaction appends the register's draw, administration and witnessed waste
 * (`register-dose.ts`) and stores their ledger ids on the administration: everything or nothing. Without
 * one (e.g. devices a clinic does not track in the register) lot and expiry are taken as typed.
 */
import { AdministrationRequest, IdParams } from '@plasticity/contracts';
import { AppError, badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { emitBoardEvent } from '../board/hub.ts';
import { assertUnlocked, type Executor, loadSession, protocolOf } from '../shared/load.ts';
import { appendRegisterDose, planRegisterDose, signWaste } from './register-dose.ts';
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
        throw badField('body.stoppedAt', 'is before the start time');
      if (b.verifiedBy === a.userId)
        throw badField('body.verifiedBy', 'must be a different clinician than the one administering');
      /** Everything that can refuse the dose before anything is written; run again under the row locks. */
      const check = async (db: Executor, forUpdate: boolean) => {
        const s = await loadSession(db, a.clinicId, req.params.id, { forUpdate });
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
          const v = await db
            .selectFrom('memberships')
            .select('id')
            .where('clinic_id', '=', a.clinicId)
            .where('user_id', '=', b.verifiedBy)
            .where('role', 'in', ['prescriber', 'nurse'])
            .where('active', '=', true)
            .executeTakeFirst();
          if (!v) throw badField('body.verifiedBy', 'is not an active prescriber or nurse of this clinic');
        }
        return { s, p, register: await planRegisterDose(db, a.clinicId, p.drug, b) };
      };
      // The witness signs outside the transaction (a wrong password is counted even though nothing is stored).
      const witnesses = await signWaste(ctx, req, (await check(ctx.db, false)).register, b);
      const row = await ctx.db.transaction().execute(async (trx) => {
        const { s, p, register } = await check(trx, true);
        const entries = register
          ? await appendRegisterDose(trx, ctx, actorOf(req), {
              clinicId: a.clinicId,
              userId: a.userId,
              now,
              sessionId: s.id,
              patientId: s.patient_id,
              route: p.route,
              plan: register,
              witnesses,
              body: b,
            })
          : null;
        const c = register?.container;
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
              b.concentrationMgPerMl !== undefined
                ? String(b.concentrationMgPerMl)
                : (c?.concentration_mg_per_ml ?? null),
            volume_ml: b.volumeMl !== undefined ? String(b.volumeMl) : null,
            container_id: c?.id ?? null,
            lot: c ? c.lot : (b.lot ?? null),
            expiry: c ? c.expires_on : (b.expiry ?? null),
            register_draw_id: entries?.drawId ?? null,
            register_administer_id: entries?.administerId ?? null,
            register_waste_id: entries?.wasteId ?? null,
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
          details: {
            doseMg: b.doseMg,
            ...(entries && c
              ? {
                  containerId: c.id,
                  drawn: register?.draw.drawn.toString(),
                  given: register?.draw.given.toString(),
                  wasted: register?.draw.waste.toString(),
                  unit: register?.draw.unit,
                  registerEntries: entries,
                }
              : {}),
          },
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
