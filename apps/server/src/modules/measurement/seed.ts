/**
 * Demo histories for Fresh Start Ketamine (fictional): a dated baseline before a first dose stored in
 * `measurement_profiles.first_dose_at`, then weekly scores shaped by each patient's `story`
 * (seed/demo-patients.ts): responders (≥ 50 % drop), remitters (PHQ-9 < 5 at the end), non-responders,
 * GAD-7 for anxiety, PCL-5 for PTSD, AUDIT for alcohol use disorder, MADRS for esketamine patients.
 * One non-responder's latest PHQ-9 answers item 9 with 1, so one suicide-risk alert is open.
 */
import { getInstrument, type InstrumentDefinition, scoreAssessment } from '@plasticity/clinical/instruments';
import type { ModuleContext } from '../../platform/module.ts';
import type { DemoSeedInfo } from '../../seed/demo.ts';
import { DEMO_PATIENTS } from '../../seed/demo-patients.ts';
import { setFirstDose } from './profile-route.ts';
import { recordAssessment } from './record.ts';

const DAY = 86_400_000;

/** Spreads `total` over the items (each up to its maximum option value), item by item, round robin. */
export function answersFor(
  def: InstrumentDefinition,
  total: number,
  given: Record<number, number> = {},
): number[] {
  // Safety items stay 0 unless given, so only the intended demo score raises an alert.
  const safety: Record<number, number> = {};
  for (const r of def.safetyRules) {
    if (r.kind === 'item_at_least') safety[r.item] = 0;
    if (r.kind === 'any_item_at_least') for (const n of r.items) safety[n] = 0;
  }
  const fixed = { ...safety, ...given };
  const scored = def.items.filter((i) => i.scored);
  const max = (n: number) =>
    Math.max(...(def.items[n - 1]?.options ?? def.options ?? []).map((o) => o.value));
  const allowed = (n: number) => (def.items[n - 1]?.options ?? def.options ?? []).map((o) => o.value);
  const a = scored.map((i) => fixed[i.number] ?? 0);
  let left = total - a.reduce((s, v) => s + v, 0);
  for (let guard = 0; left > 0 && guard < 1000; guard++) {
    for (let k = 0; k < scored.length && left > 0; k++) {
      const n = scored[k]?.number ?? 0;
      if (n in fixed) continue;
      const next = allowed(n).find((v) => v > (a[k] ?? 0) && v - (a[k] ?? 0) <= left);
      if (next !== undefined && next <= max(n)) {
        left -= next - (a[k] ?? 0);
        a[k] = next;
      }
    }
  }
  return a;
}

type Series = { instrument: string; totals: number[]; lastFixed?: Record<number, number> };

function seriesFor(story: string): Series[] {
  switch (story) {
    case 'responder':
      return [
        { instrument: 'phq9', totals: [19, 18, 15, 12, 10, 9, 8] },
        { instrument: 'gad7', totals: [13, 12, 10, 8, 7, 6, 6] },
      ];
    case 'remitter':
      return [
        { instrument: 'phq9', totals: [21, 20, 14, 9, 6, 4, 3] },
        { instrument: 'gad7', totals: [12, 11, 8, 5, 4, 3, 2] },
      ];
    case 'non_responder':
      return [{ instrument: 'phq9', totals: [18, 19, 17, 16, 16, 15, 17], lastFixed: { 9: 1 } }];
    case 'esketamine':
      return [
        { instrument: 'phq9', totals: [22, 21, 17, 13, 10, 8, 7] },
        { instrument: 'madrs', totals: [34, 33, 26, 19, 14, 11, 9] },
      ];
    case 'kap_ptsd':
      return [
        { instrument: 'pcl5', totals: [54, 52, 47, 40, 34, 29, 25] },
        { instrument: 'phq9', totals: [16, 15, 13, 11, 9, 8, 7] },
      ];
    case 'aud':
      return [
        { instrument: 'audit', totals: [22, 21, 18, 15, 13, 11, 9] },
        { instrument: 'phq9', totals: [14, 14, 12, 10, 9, 8, 8] },
      ];
    case 'anxiety':
      return [
        { instrument: 'gad7', totals: [17, 16, 13, 10, 7, 5, 4] },
        { instrument: 'phq9', totals: [9, 9, 8, 7, 6, 5, 4] },
      ];
    case 'new_referral':
      return [
        { instrument: 'phq9', totals: [17] },
        { instrument: 'gad7', totals: [12] },
      ];
    default:
      return [];
  }
}

export async function seedMeasurementDemo(ctx: ModuleContext, info: DemoSeedInfo): Promise<void> {
  const now = ctx.clock.now().getTime();
  const actor = { clinicId: info.clinicId, userId: null, email: null, role: 'system', sourceAddress: null };
  const firstDose = new Date(now - 35 * DAY);
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of DEMO_PATIENTS) {
      const patientId = info.patientIds[p.key];
      if (!patientId) continue;
      const team = [info.userIds.prescriber, info.userIds.therapist].filter((u): u is string => Boolean(u));
      for (const userId of team)
        await trx
          .insertInto('care_team')
          .values({ clinic_id: info.clinicId, patient_id: patientId, user_id: userId })
          .execute();
      const series = seriesFor(p.story);
      if (p.story !== 'new_referral')
        await setFirstDose(trx, info.clinicId, patientId, firstDose, new Date(now));
      for (const s of series) {
        const def = getInstrument(s.instrument);
        if (!def) continue;
        for (const [i, total] of s.totals.entries()) {
          // Two baselines before the first dose (−42 and −37 days), then weekly from the first dose.
          const at =
            i === 0 ? now - 42 * DAY : i === 1 ? now - 37 * DAY : now - 35 * DAY + (i - 1) * 7 * DAY - DAY;
          const fixed = i === s.totals.length - 1 && s.lastFixed ? s.lastFixed : {};
          const answers = answersFor(def, total, fixed);
          const score = scoreAssessment(def, answers, { sex: p.sex });
          if (!score.ok)
            throw new Error(`demo seed: ${def.id} ${total} does not score: ${score.errors[0]?.message}`);
          await recordAssessment(trx, ctx, actor, {
            clinicId: info.clinicId,
            patientId,
            def,
            answers,
            score,
            administeredAt: new Date(at - 3_600_000),
            source: def.kind === 'clinician' ? 'staff' : 'link',
            enteredBy: def.kind === 'clinician' ? (info.userIds.prescriber ?? null) : null,
          });
        }
      }
    }
    const portal = info.patientIds.portal;
    if (portal) {
      const nowDate = new Date(now);
      await trx
        .insertInto('measurement_schedules')
        .values({
          clinic_id: info.clinicId,
          patient_id: portal,
          instrument_id: 'phq9',
          cadence: 'weekly',
          created_by: info.userIds.prescriber ?? null,
          created_at: nowDate,
          updated_at: nowDate,
        })
        .execute();
      await trx
        .insertInto('measurement_requests')
        .values({
          clinic_id: info.clinicId,
          patient_id: portal,
          instrument_id: 'gad7',
          due_key: 'demo',
          due_at: nowDate,
          created_at: nowDate,
        })
        .execute();
    }
  });
}
