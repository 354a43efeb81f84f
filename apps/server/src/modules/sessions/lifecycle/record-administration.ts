/**
 * POST /api/v1/sessions/{id}/administrations — the administration record: dose
 * given (with its inputs), concentration, volume, the register container drawn from (its lot and expiry
 * follow from the controlled-substance register), start/stop, pauses and rate changes, who administered
 * (the caller) and who verified (a different clinician of the clinic). Roles: prescriber, nurse.
 * Drug and route come from the session's protocol.
 *
 * The dose passes the dose calculator's own rules server-side (`administration-dose.ts`): within the
 * protocol → 201; above the protocol maximum → only with `override` (the prescriber recording it, a reason
 * and a second clinician's verification, `verify-override.ts` as for the calculator); above a ceiling →
 * refused. A dose that differs from the plan's prescribed dose needs `doseChangeReason`; a dose not drawn
 * from the register needs `notFromRegisterReason`. A refusal is 400 listing every failing item, each
 * naming its field and the limit; 409 when the session is not dosing or is locked. Nothing is stored on
 * a refusal (a failed verifier check is audited and counts toward the verifier's lockout).
 *
 * With a container, the same transaction appends the register's draw, administration and witnessed waste
 * (`register-dose.ts`) and stores their ledger ids on the administration: everything or nothing. The first
 * administration's start is the dose time (discharge's observation rules count from it).
 */
import { checkInfusionEvent, type InfusionRecord } from '@plasticity/clinical/dosing';
import { AdministrationRequest, type ErrorDetail, IdParams, SessionRecord } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError, badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { auditVerification, verifyOverride } from '../../plans/dosing/verify-override.ts';
import { emitBoardEvent, sessionEvent } from '../board/hub.ts';
import { assertUnlocked, type Executor, loadSession, protocolOf } from '../shared/load.ts';
import { checkAdministrationDose } from './administration-dose.ts';
import { appendRegisterDose, planRegisterDose, type RegisterDose, signWaste } from './register-dose.ts';
import { sessionDetail } from './session-detail.ts';

export function recordAdministrationRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/sessions/:id/administrations',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: IdParams,
        body: AdministrationRequest,
        response: { 201: SessionRecord },
        tags: ['sessions'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const now = ctx.clock.now();
      if (b.stoppedAt && Date.parse(b.stoppedAt) < Date.parse(b.startedAt))
        throw badField('body.stoppedAt', 'is before the start time');
      if (b.verifiedBy === a.userId)
        throw badField('body.verifiedBy', 'must be a different clinician than the one administering');
      checkEvents(b);
      const verification = b.override ? await verifyOverride(ctx, a, b.override, req.ip ?? null) : undefined;
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
        const failures: ErrorDetail[] = [];
        let register: RegisterDose | null = null;
        try {
          register = await planRegisterDose(db, a.clinicId, p.drug, b);
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== 'validation_failed' || !e.details) throw e;
          failures.push(...e.details);
        }
        const conc = register?.container.concentration_mg_per_ml ?? b.concentrationMgPerMl ?? null;
        const dose = await checkAdministrationDose(db, s, p, b, {
          now,
          concentrationMgPerMl: conc === null ? null : Number(conc),
          verification,
        });
        failures.unshift(...dose.failures);
        if (failures.length > 0)
          throw new AppError(
            'validation_failed',
            `the dose was not recorded: ${failures.map((f) => f.message).join('; ')}`,
            failures,
          );
        return { s, p, register, dose };
      };
      let first: Awaited<ReturnType<typeof check>>;
      try {
        first = await check(ctx.db, false);
      } catch (e) {
        const o = b.override;
        if (verification && !verification.ok && o)
          await ctx.db.transaction().execute((trx) =>
            auditVerification(trx, ctx, a, verification, o, {
              resourceId: req.params.id,
              patientId: null,
              sourceAddress: req.ip ?? null,
            }),
          );
        throw e;
      }
      // The witness signs outside the transaction (a wrong password is counted even though nothing is stored).
      const witnesses = await signWaste(ctx, req, first.register, b);
      const row = await ctx.db.transaction().execute(async (trx) => {
        const { s, p, register, dose } = await check(trx, true);
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
        const adm = await trx
          .insertInto('session_administrations')
          .values({
            clinic_id: a.clinicId,
            session_id: s.id,
            drug: p.drug,
            route: p.route,
            dose_mg: String(b.doseMg),
            dose_inputs: b.doseInputs ? toJson(b.doseInputs) : null,
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
            events: toJson(b.events ?? []),
            administered_by: a.userId,
            verified_by: b.verifiedBy ?? null,
            recorded_at: now,
            plan_id: dose.planId,
            dose_check: toJson(dose.stored),
            override_reason: dose.overridden ? (b.override?.reason ?? null) : null,
            override_verified_by: dose.overridden && verification?.ok ? verification.verifierId : null,
            dose_change_reason: b.doseChangeReason ?? null,
            not_from_register_reason: c ? null : (b.notFromRegisterReason ?? null),
            duration_min: dose.durationMin === null ? null : String(dose.durationMin),
            rate_ml_per_hour: dose.rateMlPerHour === null ? null : String(dose.rateMlPerHour),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
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
            administrationId: adm.id,
            doseMg: b.doseMg,
            mgPerKg: dose.stored.mgPerKg,
            overridden: dose.overridden,
            ...(b.doseChangeReason ? { doseChangeReason: true } : {}),
            ...(c ? {} : { notFromRegister: true }),
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
        if (verification && b.override)
          await auditVerification(trx, ctx, a, verification, b.override, {
            resourceId: adm.id,
            patientId: s.patient_id,
            sourceAddress: req.ip ?? null,
          });
        await emitBoardEvent(trx, now, a.clinicId, sessionEvent(s));
        return updated;
      });
      return reply.status(201).send(await sessionDetail(ctx.db, row, now));
    },
  );
}

/** Events given with the record must make a valid timeline (pause while running, resume while paused, …). */
function checkEvents(b: AdministrationRequest): void {
  const record: InfusionRecord = { startedAt: b.startedAt, stoppedAt: null, events: [] };
  (b.events ?? []).forEach((e, i) => {
    const problem = checkInfusionEvent(record, e);
    if (problem) throw badField(`body.events.${i}`, problem);
    if (b.stoppedAt && Date.parse(e.at) > Date.parse(b.stoppedAt))
      throw badField(`body.events.${i}`, 'is after stoppedAt');
    record.events.push(e);
  });
}
