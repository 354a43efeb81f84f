/**
 * Demo treatment history for Fresh Start Ketamine, so its outcomes dashboard shows figures rather than "<11":
 * `DEMO_COHORT.patients` synthetic patients (flagged demo) from the outcomes generator, each with a plan, five
 * discharged dosing sessions, scores on the indication's primary scale and the odd adverse event, first doses
 * spread over two years. Deterministic for the seed, which was chosen so that patients, response and remission
 * are counts of 11 or more, with their rates, for every patient, IV ketamine, and IV ketamine for depression and
 * for treatment-resistant depression (seed-demo.int.test.ts checks it).
 *
 * The history ends `WORKLIST_LOOKBACK_DAYS` before the clinic's today, so today's board, the schedule and the
 * integration worklist hold the hand-written demo patients only. The courses are over: plans not stopped are
 * marked completed at their last discharge, and each esketamine session's SPRAVATO REMS form is marked
 * submitted at discharge, so the REMS list holds the demo's own sessions. Runs last of the demo seeds (after
 * billing), so these sessions carry no charges.
 */
import { WORKLIST_LOOKBACK_DAYS } from '@plasticity/clinical/integration';
import { addDays, instantToLocal, localToInstant } from '@plasticity/clinical/scheduling';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import type { ModuleContext } from '../../platform/module.ts';
import type { DemoSeedInfo } from '../../seed/demo.ts';
import { clinicInstruments } from '../measurement/definitions.ts';
import { ensureLibrary } from '../plans/library/ensure-library.ts';
import { clinicProtocols, generateSyntheticCohort } from './generate/synthetic-cohort.ts';
import { refreshQueuedOutcomes } from './summaries/refresh.ts';

export interface DemoCohort {
  readonly patients: number;
  readonly seed: number;
  /** Patients per generator batch: part of the determinism (the random sequence runs batch by batch). */
  readonly batchSize: number;
}

export const DEMO_COHORT: DemoCohort = { patients: 300, seed: 1009, batchSize: 250 };

/** The instant the demo's synthetic history ends: the clinic's midnight `WORKLIST_LOOKBACK_DAYS` days ago. */
export function demoHistoryEnd(now: Date, timeZone: string): Date {
  const today = instantToLocal(now, timeZone).date;
  return localToInstant(addDays(today, -WORKLIST_LOOKBACK_DAYS), '00:00', timeZone);
}

export async function seedOutcomesDemo(
  ctx: ModuleContext,
  info: DemoSeedInfo,
  cohort: DemoCohort = { ...DEMO_COHORT, patients: ctx.config.demoHistoryPatients },
): Promise<void> {
  if (cohort.patients === 0) return;
  const clinic = await ctx.db
    .selectFrom('clinics')
    .select('time_zone')
    .where('id', '=', info.clinicId)
    .executeTakeFirstOrThrow();
  await ensureLibrary(ctx.db, info.clinicId);
  const before = await ctx.db
    .selectFrom('patients')
    .select('id')
    .where('clinic_id', '=', info.clinicId)
    .execute();
  await generateSyntheticCohort(ctx.db, await clinicProtocols(ctx.db, info.clinicId), {
    clinicId: info.clinicId,
    patients: cohort.patients,
    seed: cohort.seed,
    now: demoHistoryEnd(ctx.clock.now(), clinic.time_zone),
    prescriberId: info.userIds.prescriber ?? null,
    batchSize: cohort.batchSize,
    // Closing the courses below queues every synthetic patient again: their summaries are built once, at the end.
    refreshSummaries: false,
  });
  await ctx.db.transaction().execute((trx) =>
    closeCourses(
      trx,
      info.clinicId,
      before.map((p) => p.id),
    ),
  );
  // Closing the courses queued every synthetic patient: rebuild their summaries now, not on the first read.
  await refreshQueuedOutcomes(ctx.db, info.clinicId, await clinicInstruments(ctx.db, info.clinicId));
}

/**
 * Ends the synthetic patients' plans at their last discharge (open ones completed, with their sessions counted)
 * and marks their esketamine sessions' REMS forms submitted.
 */
async function closeCourses(
  trx: Kysely<DB>,
  clinicId: string,
  handWritten: readonly string[],
): Promise<void> {
  const synthetic = trx
    .selectFrom('patients')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .$if(handWritten.length > 0, (q) => q.where('id', 'not in', handWritten));
  await trx
    .updateTable('plan_treatment_plans as tp')
    .set((eb) => {
      const sessions = eb
        .selectFrom('dosing_sessions as s')
        .whereRef('s.clinic_id', '=', 'tp.clinic_id')
        .whereRef('s.plan_id', '=', 'tp.id')
        .where('s.status', '=', 'discharged');
      const last = sessions.select((s) => s.fn.max('s.discharged_at').as('at'));
      const active = eb('tp.status', '=', 'active');
      return {
        status: eb
          .case()
          .when(active)
          .then('completed' as const)
          .else(eb.ref('tp.status'))
          .end(),
        status_reason: eb.case().when(active).then('series completed').else('stopped early').end(),
        sessions_completed: sessions.select(sql<number>`count(*)::int`.as('n')),
        ended_at: last,
        updated_at: eb.fn.coalesce(last, eb.ref('tp.updated_at')),
      };
    })
    .where('tp.clinic_id', '=', clinicId)
    .where('tp.patient_id', 'in', synthetic)
    .execute();
  await trx
    .updateTable('dosing_sessions')
    .set((eb) => ({ rems_submitted_at: eb.ref('discharged_at') }))
    .where('clinic_id', '=', clinicId)
    .where(sql<boolean>`protocol->>'drug' = 'esketamine'`)
    .where('rems_submitted_at', 'is', null)
    .where('patient_id', 'in', synthetic)
    .execute();
}
