/**
 * POST /api/v1/sessions/{id}/administrations/{administrationId}/entered-in-error {reason, witness?} — a
 * prescriber marks a wrong administration entered in error. The session record keeps it, marked with who,
 * when and why (never deleted, never edited), and it no longer counts for the dose time, the session's
 * dose total or the REMS form. Its controlled-substance register entries are reversed by correcting
 * entries that reference them (waste, then administration, then draw: `appendCorrection`, as the
 * register's own corrections), co-signed by `witness` like every register correction (21 CFR 1304.21:
 * records complete and accurate). Everything in one transaction, audited.
 * 201 with the session; 400 `witness_invalid` without a valid witness when there are register entries;
 * 403 for anyone but a prescriber; 404 for another session's administration; 409 when already marked or
 * the record is locked.
 */
import {
  AdministrationEnteredInErrorRequest,
  AdministrationParams,
  SessionRecord,
} from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { appendCorrection } from '../../controlled/append-correction.ts';
import { verifyWitness, type Witness } from '../../controlled/witness.ts';
import { emitBoardEvent, sessionEvent } from '../board/hub.ts';
import { assertUnlocked, type Executor, loadSession } from '../shared/load.ts';
import { sessionDetail } from './session-detail.ts';

async function administrationOf(db: Executor, clinicId: string, sessionId: string, id: string) {
  const adm = await db
    .selectFrom('session_administrations')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('session_id', '=', sessionId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!adm) throw notFound('administration');
  if (adm.entered_in_error_at)
    throw new AppError('conflict', 'this administration is already marked entered in error');
  return adm;
}

export function administrationEnteredInErrorRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/sessions/:id/administrations/:administrationId/entered-in-error',
    {
      config: { policy: allow.roles('prescriber') },
      schema: {
        params: AdministrationParams,
        body: AdministrationEnteredInErrorRequest,
        response: { 201: SessionRecord },
        tags: ['sessions'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const { reason } = req.body;
      const now = ctx.clock.now();
      const before = await administrationOf(ctx.db, a.clinicId, req.params.id, req.params.administrationId);
      let witness: Witness | null = null;
      if (before.register_draw_id) witness = await verifyWitness(ctx, req, req.body.witness, 'body.witness');
      const row = await ctx.db.transaction().execute(async (trx) => {
        const s = await loadSession(trx, a.clinicId, req.params.id, { forUpdate: true });
        assertUnlocked(s);
        const adm = await administrationOf(trx, a.clinicId, s.id, req.params.administrationId);
        const corrections: string[] = [];
        const ids = [adm.register_waste_id, adm.register_administer_id, adm.register_draw_id];
        for (const id of ids) {
          if (!id || !witness) continue;
          const target = await trx
            .selectFrom('cs_ledger')
            .selectAll()
            .where('clinic_id', '=', a.clinicId)
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          const reversed = await trx
            .selectFrom('cs_ledger')
            .select('id')
            .where('clinic_id', '=', a.clinicId)
            .where('corrects_entry_id', '=', id)
            .where('correction_kind', '=', 'reversal')
            .executeTakeFirst();
          if (reversed) continue; // already reversed in the register itself
          const r = await appendCorrection(trx, ctx.audit, actorOf(req), {
            clinicId: a.clinicId,
            userId: a.userId,
            now,
            target,
            reason: `Administration entered in error: ${reason}`,
            witness,
          });
          corrections.push(r.entry.id);
        }
        await trx
          .updateTable('session_administrations')
          .set({ entered_in_error_at: now, entered_in_error_by: a.userId, entered_in_error_reason: reason })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', adm.id)
          .execute();
        const first = await trx
          .selectFrom('session_administrations')
          .select((eb) => eb.fn.min('started_at').as('at'))
          .where('clinic_id', '=', a.clinicId)
          .where('session_id', '=', s.id)
          .where('entered_in_error_at', 'is', null)
          .executeTakeFirst();
        const doseStart = first?.at ? new Date(first.at) : null;
        const updated = await trx
          .updateTable('dosing_sessions')
          .set({ dose_started_at: doseStart, updated_at: now })
          .where('id', '=', s.id)
          .where('clinic_id', '=', a.clinicId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'dosing_administration',
          resourceId: adm.id,
          patientId: s.patient_id,
          category: 'controlled_substance',
          details: {
            enteredInError: true,
            registerCorrections: corrections,
            witness: witness?.userId ?? null,
          },
        });
        await emitBoardEvent(trx, now, a.clinicId, sessionEvent(s));
        return updated;
      });
      return reply.status(201).send(await sessionDetail(ctx.db, row, now));
    },
  );
}
