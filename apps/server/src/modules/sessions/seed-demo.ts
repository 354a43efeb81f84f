/**
 * Demo data for the live board: three of the demo clinic's fictional patients in chairs 1–3 today (IV
 * ketamine per the default protocol, docs/clinical-sources.md#default-protocols): one monitoring with a
 * vitals series and MOAA/S and CADSS-6 on the default schedule, one in recovery, one scheduled. Uses patients
 * p10–p12 so the other demo stories stay free to book.
 */
import { defaultIvKetamineProtocol } from '@plasticity/clinical/protocols';
import { instantToLocal, localToInstant } from '@plasticity/clinical/scheduling';
import type { SessionStatus } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import type { ModuleContext } from '../../platform/module.ts';
import type { DemoSeedInfo } from '../../seed/demo.ts';

export async function seedSessionsDemo(ctx: ModuleContext, info: DemoSeedInfo): Promise<void> {
  const p = defaultIvKetamineProtocol();
  const now = ctx.clock.now().getTime();
  const min = (m: number) => new Date(now + m * 60_000);
  // The scheduled chair waits half an hour, but never past the clinic's midnight: the board shows today's sessions.
  const zone = await ctx.db
    .selectFrom('clinics')
    .select('time_zone')
    .where('id', '=', info.clinicId)
    .executeTakeFirstOrThrow();
  const lastMinuteToday = localToInstant(
    instantToLocal(new Date(now), zone.time_zone).date,
    '23:59',
    zone.time_zone,
  );
  const scheduledAt = new Date(Math.min(now + 30 * 60_000, lastMinuteToday.getTime()));
  const plan: Array<[string | undefined, string, SessionStatus, number | null]> = [
    [info.patientIds.p10, '1', 'monitoring', -35],
    [info.patientIds.p11, '2', 'recovery', -70],
    [info.patientIds.p12, '3', 'scheduled', null],
  ];
  await ctx.db.transaction().execute(async (trx) => {
    for (const [patientId, chair, status, doseAt] of plan) {
      if (!patientId) continue;
      const s = await trx
        .insertInto('dosing_sessions')
        .values({
          clinic_id: info.clinicId,
          patient_id: patientId,
          protocol_id: p.id,
          protocol_version: p.version,
          protocol: toJson(p),
          chair,
          scheduled_at: doseAt === null ? scheduledAt : min(doseAt - 20),
          status,
          dose_started_at: doseAt === null ? null : min(doseAt),
          created_by: info.userIds.nurse ?? null,
          created_at: min(-120),
          updated_at: min(-1),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (doseAt === null) continue;
      const readings = [];
      for (let t = doseAt - 10, i = 0; t <= -1; t += 5, i++) {
        readings.push({
          clinic_id: info.clinicId,
          session_id: s.id,
          at: min(t),
          sbp: 124 + Math.round(10 * Math.sin(i / 2)),
          dbp: 78 + (i % 3),
          hr: 72 + (i % 5),
          spo2: 97 + (i % 2),
          rr: 14,
          recorded_by: info.userIds.nurse ?? null,
          recorded_at: min(t),
        });
      }
      await trx.insertInto('session_vitals').values(readings).execute();
      await trx
        .insertInto('session_administrations')
        .values({
          clinic_id: info.clinicId,
          session_id: s.id,
          drug: p.drug,
          route: p.route,
          dose_mg: '35',
          dose_inputs: toJson({ weightKg: 70, mgPerKg: 0.5 }),
          started_at: min(doseAt),
          stopped_at: min(doseAt + 40),
          administered_by: info.userIds.nurse as string,
          recorded_at: min(doseAt),
          lot: 'DEMO-LOT-1',
        })
        .execute();
      // MOAA/S every 15 min and CADSS-6 at 40 min (the default schedule); chair 2 moved to recovery at 50 min
      // and had its end-of-monitoring CADSS-6.
      const recoveryAt = status === 'recovery' ? doseAt + 50 : null;
      const obs: Array<[number, string, Record<string, unknown>]> = [];
      for (let t = doseAt + 15, i = 0; t <= -1 && (recoveryAt === null || t < recoveryAt); t += 15, i++) {
        obs.push([t, 'moaas', { score: i === 0 ? 4 : 5 }]);
      }
      if (doseAt + 40 <= -1) obs.push([doseAt + 40, 'cadss6', { items: [1, 1, 0, 1, 0, 0], total: 3 }]);
      if (recoveryAt !== null) {
        obs.push([recoveryAt + 1, 'cadss6', { items: [0, 0, 0, 0, 0, 0], total: 0 }]);
        await trx
          .insertInto('session_transitions')
          .values({
            clinic_id: info.clinicId,
            session_id: s.id,
            from_status: 'monitoring',
            to_status: 'recovery',
            at: min(recoveryAt),
            by_user_id: info.userIds.nurse ?? null,
          })
          .execute();
      }
      await trx
        .insertInto('session_observations')
        .values(
          obs.map(([t, kind, data]) => ({
            clinic_id: info.clinicId,
            session_id: s.id,
            kind,
            at: min(t),
            data: toJson(data),
            recorded_by: info.userIds.nurse ?? null,
            recorded_at: min(t),
          })),
        )
        .execute();
    }
  });
}
