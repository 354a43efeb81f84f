/**
 * Demo data for Fresh Start Ketamine (fictional patients, see seed/demo-patients.ts): intakes, eligibility
 * evaluations and signed decisions, signed consents and plans that fit each patient's `story` —
 * responders and remitters on active or completed IV series, esketamine patients on the SPRAVATO schedule,
 * a KAP plan for PTSD, an AUD intake (addiction is the indication: caution only), an anxiety patient with
 * a history of psychosis (relative contraindication awaiting prescriber review), and the new referral
 * (p9) with an intake and a draft plan. Weights are recent so the dose calculator works in the demo.
 */
import { evaluateEligibility, type Intake } from '@plasticity/clinical/eligibility';
import { cleanIntake, intakeWith, type Patch } from '@plasticity/clinical/eligibility/test-fixtures';
import type { ConsentKey } from '@plasticity/clinical/protocols';
import { toJson } from '@plasticity/db';
import type { ModuleContext } from '../../platform/module.ts';
import type { DemoSeedInfo } from '../../seed/demo.ts';
import { DEMO_PATIENTS } from '../../seed/demo-patients.ts';
import { ensureLibrary } from './library/ensure-library.ts';
import { ageOn, type Executor } from './patient-and-settings.ts';
import { defaultPrescribedDose } from './treatment-plans/prescribed-dose.ts';

type Route = 'iv' | 'sublingual' | 'intranasal';
interface Story {
  key: string;
  intake: Patch<Intake>;
  weightKg: number;
  sign?: 'approved';
  route?: Route;
  indications?: string[];
  status?: 'draft' | 'approved' | 'active' | 'completed' | 'stopped';
  done?: number;
  planned?: number;
  reason?: string;
  consents?: ConsentKey[];
}

const DAY = 86_400_000;
const STORIES: Story[] = [
  {
    key: 'portal',
    intake: {},
    weightKg: 72,
    sign: 'approved',
    route: 'iv',
    indications: ['trd'],
    status: 'active',
    done: 4,
    consents: ['off_label_ketamine', 'financial'],
  },
  {
    key: 'p2',
    intake: {},
    weightKg: 64,
    sign: 'approved',
    route: 'iv',
    indications: ['trd'],
    status: 'completed',
    done: 6,
    reason: 'series completed; remission',
    consents: ['off_label_ketamine', 'financial'],
  },
  {
    key: 'p3',
    intake: { medical: { hypertension: { present: true, controlled: true } } },
    weightKg: 91,
    sign: 'approved',
    route: 'iv',
    indications: ['trd'],
    status: 'stopped',
    done: 6,
    reason: 'no response after 6 infusions',
    consents: ['off_label_ketamine', 'financial'],
  },
  {
    key: 'p4',
    intake: {},
    weightKg: 58,
    sign: 'approved',
    route: 'intranasal',
    indications: ['trd'],
    status: 'active',
    done: 5,
    planned: 12,
    consents: ['esketamine_rems', 'financial'],
  },
  {
    key: 'p5',
    intake: { indications: { depression: { present: false }, ptsd: true } },
    weightKg: 80,
    sign: 'approved',
    route: 'sublingual',
    indications: ['ptsd'],
    status: 'active',
    done: 2,
    consents: ['kap', 'off_label_ketamine', 'financial'],
  },
  {
    key: 'p6',
    intake: {
      indications: { depression: { present: false }, alcoholUseDisorder: true },
      substanceUse: { auditTotal: 24, activeSubstanceUseDisorder: true },
    },
    weightKg: 77,
  },
  {
    key: 'p7',
    intake: {
      indications: { depression: { present: false }, anxiety: true },
      psychiatric: { psychosisHistory: true },
    },
    weightKg: 61,
  },
  {
    key: 'p8',
    intake: {},
    weightKg: 84,
    sign: 'approved',
    route: 'iv',
    indications: ['trd'],
    status: 'active',
    done: 3,
    consents: ['off_label_ketamine', 'financial'],
  },
  {
    key: 'p9',
    intake: { medical: { cardiovascularDisease: { present: true, unstable: false } } },
    weightKg: 69,
    route: 'iv',
    indications: ['trd'],
    status: 'draft',
  },
  {
    key: 'p10',
    intake: {},
    weightKg: 70,
    sign: 'approved',
    route: 'iv',
    indications: ['trd'],
    status: 'active',
    done: 5,
    consents: ['off_label_ketamine', 'financial'],
  },
  {
    key: 'p12',
    intake: {},
    weightKg: 88,
    sign: 'approved',
    route: 'intranasal',
    indications: ['trd'],
    status: 'active',
    done: 2,
    planned: 12,
    consents: ['esketamine_rems', 'financial'],
  },
];

export async function seedPlansDemo(ctx: ModuleContext, info: DemoSeedInfo): Promise<void> {
  const clinicId = info.clinicId;
  await ensureLibrary(ctx.db, clinicId);
  const now = ctx.clock.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const prescriber = info.userIds.prescriber ?? null;
  const nurse = info.userIds.nurse ?? null;
  await ctx.db.transaction().execute(async (trx: Executor) => {
    const protocols = await trx
      .selectFrom('plan_protocols')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('is_default', '=', true)
      .execute();
    const ruleSet = await trx
      .selectFrom('plan_eligibility_rule_sets')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    const docs = await trx
      .selectFrom('plan_consent_documents')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('superseded_at', 'is', null)
      .execute();
    for (const s of STORIES) {
      const patientId = info.patientIds[s.key];
      const demo = DEMO_PATIENTS.find((p) => p.key === s.key);
      if (!patientId || !demo) continue;
      const intake = intakeWith(s.intake as Patch<Intake>);
      intake.measurements = { ...cleanIntake().measurements, weightKg: s.weightKg };
      const intakeRow = await trx
        .insertInto('plan_intakes')
        .values({
          clinic_id: clinicId,
          patient_id: patientId,
          data: toJson({ ...intake, weightMeasuredAt: at(45).toISOString() }),
          submitted_by: nurse,
          submitted_role: 'nurse',
          created_at: at(45),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [days, w] of [
        [45, s.weightKg],
        [3, s.weightKg],
      ] as const) {
        await trx
          .insertInto('plan_weight_observations')
          .values({
            clinic_id: clinicId,
            patient_id: patientId,
            weight_kg: String(w),
            measured_at: at(days),
            source: days === 45 ? 'intake' : 'vitals',
            intake_id: days === 45 ? intakeRow.id : null,
            recorded_by: nurse,
            created_at: at(days),
          })
          .execute();
      }
      const proto = s.route ? protocols.find((p) => p.route === s.route) : undefined;
      const pdata = proto?.data;
      const ageYears = ageOn(demo.dateOfBirth, now);
      const result = evaluateEligibility(ruleSet.rules as never, intake, {
        ageYears,
        ...(pdata
          ? { protocol: { drug: pdata.drug, route: pdata.route, indications: pdata.indications } }
          : {}),
      });
      const decision = await trx
        .insertInto('plan_eligibility_decisions')
        .values({
          clinic_id: clinicId,
          patient_id: patientId,
          intake_id: intakeRow.id,
          rule_set_id: ruleSet.id,
          rule_set_version: ruleSet.version,
          protocol_id: proto?.id ?? null,
          age_years: ageYears,
          eligible: result.eligible,
          hits: toJson(result.hits),
          unknown_fields: toJson(result.unknownFields),
          evaluated_by: nurse,
          evaluated_at: at(44),
          ...(s.sign
            ? {
                decision: s.sign,
                decided_by: prescriber,
                decided_at: at(44),
                decision_reason:
                  result.eligible === 'yes' ? null : 'reviewed: stable, benefits outweigh risks',
              }
            : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const kind of s.consents ?? []) {
        const d = docs.find((x) => x.kind === kind);
        if (!d) continue;
        await trx
          .insertInto('plan_consent_signatures')
          .values({
            clinic_id: clinicId,
            patient_id: patientId,
            document_id: d.id,
            kind,
            document_version: d.version,
            typed_name: `${demo.firstName} ${demo.lastName}`,
            signed_at: at(43),
            source_address: '127.0.0.1',
            user_agent: 'demo seed',
            text_sha256: d.body_sha256,
            signed_by: s.key === 'portal' ? (info.userIds.patient ?? null) : null,
          })
          .execute();
      }
      if (!proto || !pdata || !s.status) continue;
      const planned = s.planned ?? pdata.sessions.count ?? 6;
      const approved = s.status !== 'draft';
      const started = approved && s.status !== 'approved';
      const ended = s.status === 'completed' || s.status === 'stopped';
      const plan = await trx
        .insertInto('plan_treatment_plans')
        .values({
          clinic_id: clinicId,
          patient_id: patientId,
          protocol_id: proto.id,
          protocol_version: proto.version,
          indications: toJson(s.indications ?? []),
          target_instruments: toJson([...new Set(pdata.requiredInstruments.map((i) => i.instrument))]),
          planned_sessions: planned,
          sessions_completed: s.done ?? 0,
          eligibility_decision_id: approved ? decision.id : null,
          status: s.status,
          status_reason: s.reason ?? null,
          created_by: prescriber,
          created_at: at(43),
          updated_at: at(ended ? 5 : 42),
          approved_by: approved ? prescriber : null,
          approved_at: approved ? at(42) : null,
          prescribed_dose: toJson(defaultPrescribedDose(pdata)),
          dose_approved_by: approved ? prescriber : null,
          dose_approved_at: approved ? at(42) : null,
          activated_at: started ? at(41) : null,
          ended_at: ended ? at(5) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const steps: Array<[string | null, string, number]> = [[null, 'draft', 43]];
      if (approved) steps.push(['draft', 'approved', 42]);
      if (started) steps.push(['approved', 'active', 41]);
      if (ended) steps.push(['active', s.status, 5]);
      for (const [from, to, days] of steps) {
        await trx
          .insertInto('plan_status_events')
          .values({
            clinic_id: clinicId,
            plan_id: plan.id,
            from_status: from,
            to_status: to,
            reason: to === s.status ? (s.reason ?? null) : null,
            actor_id: prescriber,
            at: at(days),
          })
          .execute();
      }
    }
  });
}
