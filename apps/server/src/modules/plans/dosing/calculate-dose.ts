/**
 * POST /api/v1/dose/calculate — the shared pure calculator (`calculateDose`, @plasticity/clinical/dosing)
 * behind the API, for prescribers and nurses. Limits come from the clinic's protocol version (IV racemic
 * ketamine defaults 0.5 mg/kg, max 0.75, ceiling 1.0 mg/kg — Fava et al. 2020 —, cap 100 mg); with
 * `patientId` the latest measured weight is used and refused when older than the clinic's
 * `plans.maxWeightAgeDays` (default 30 days; an entered `weightKg` is used only while no weight is on
 * record, with a warning), the age comes from the date of birth, the sex from the chart and the height from
 * the latest intake that records one (or `heightCm` when the chart has none). The protocol's dosing-weight
 * rule then picks actual, ideal or adjusted body weight (shown in `dosingWeight`); without a height the
 * actual weight is used with a warning. An override of the protocol maximum needs a prescriber, a reason
 * and a second clinician's verification (`verify-override.ts`); the absolute ceiling and the mg cap are never
 * lifted. A blocked dose is a 200 with `blocked: true` and its reasons; every result is stored with the
 * protocol version it used and audited (the verifier's check too).
 */
import { calculateDose, type DoseInput } from '@plasticity/clinical/dosing';
import { DoseCalculateRequest, DoseCalculateResponse } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { protocolById, protocolOf } from '../library/protocol-row.ts';
import { ageOn, patientOf, plansSettings } from '../patient-and-settings.ts';
import { latestHeightCm } from './latest-height.ts';
import { latestWeight } from './latest-weight.ts';
import { auditVerification, type Verification, verifyOverride } from './verify-override.ts';

export function calculateDoseRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/dose/calculate',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: { body: DoseCalculateRequest, response: { 200: DoseCalculateResponse }, tags: ['dosing'] },
    },
    async (req) => {
      const a = authOf(req);
      const b = req.body;
      const now = ctx.clock.now();
      const row = await protocolById(ctx.db, a.clinicId, b.protocolId);
      const protocol = protocolOf(row);
      const settings = await plansSettings(ctx.db, a.clinicId);
      const extraWarnings: string[] = [];
      const extraReasons: string[] = [];

      const input: DoseInput = {};
      for (const k of ['mgPerKg', 'fixedMg', 'concentrationMgPerMl', 'durationMin', 'bagVolumeMl'] as const) {
        if (b[k] !== undefined) input[k] = b[k];
      }
      let weightMeasuredAt: Date | undefined;
      let heightFrom: 'request' | 'intake' | undefined;
      if (b.patientId) {
        const patient = await patientOf(ctx.db, a.clinicId, b.patientId);
        input.ageYears = ageOn(patient.date_of_birth, now);
        if (protocol.dose.kind === 'weight_based') {
          input.sex = patient.sex as NonNullable<DoseInput['sex']>;
          const h = await latestHeightCm(ctx.db, a.clinicId, patient.id);
          if (h !== null) {
            input.heightCm = h;
            heightFrom = 'intake';
            if (b.heightCm !== undefined && b.heightCm !== h)
              extraWarnings.push(
                `heightCm ${b.heightCm} ignored: the latest recorded height (${h} cm) is used`,
              );
          } else if (b.heightCm !== undefined) {
            input.heightCm = b.heightCm;
            heightFrom = 'request';
          }
        }
        if (b.ageYears !== undefined && b.ageYears !== input.ageYears)
          extraWarnings.push(`ageYears ${b.ageYears} ignored: the date of birth gives ${input.ageYears}`);
        if (protocol.dose.kind === 'weight_based') {
          const w = await latestWeight(ctx.db, a.clinicId, patient.id);
          if (w) {
            input.weightKg = w.weightKg;
            weightMeasuredAt = w.measuredAt;
            if (b.weightKg !== undefined && b.weightKg !== w.weightKg)
              extraWarnings.push(
                `weightKg ${b.weightKg} ignored: the latest measured weight (${w.weightKg} kg) is used`,
              );
          } else if (b.weightKg !== undefined) {
            // No measurement on record yet: the entered weight is used, like a calculation without a patient.
            input.weightKg = b.weightKg;
            extraWarnings.push(
              'no measured weight on record for this patient: the entered weight was used; record a measured weight',
            );
          } else {
            extraReasons.push('no measured weight on record for this patient: record a weight first');
          }
        }
      } else {
        if (b.weightKg !== undefined) input.weightKg = b.weightKg;
        if (b.ageYears !== undefined) input.ageYears = b.ageYears;
        if (b.heightCm !== undefined) {
          input.heightCm = b.heightCm;
          heightFrom = 'request';
        }
        if (b.sex !== undefined) input.sex = b.sex;
      }

      let verification: Verification | undefined;
      if (b.override) {
        verification = await verifyOverride(ctx, a, b.override, req.ip ?? null);
        input.override = { reason: b.override.reason, verified: verification.ok };
      }
      const result = calculateDose(input, protocol, {
        now,
        maxWeightAgeDays: settings.maxWeightAgeDays,
        ...(weightMeasuredAt ? { weightMeasuredAt } : {}),
      });
      if (verification && !verification.ok)
        (result.blocked ? extraReasons : extraWarnings).push(`override refused: ${verification.problem}`);
      const reasons = [...extraReasons, ...result.reasons];
      const blocked = reasons.length > 0;
      const warnings = [...extraWarnings, ...result.warnings];
      const body = {
        protocolId: row.id,
        protocolVersion: row.version,
        doseMg: result.doseMg,
        ...(blocked
          ? {}
          : {
              ...(result.volumeMl !== undefined ? { volumeMl: result.volumeMl } : {}),
              ...(result.rateMlPerHour !== undefined ? { rateMlPerHour: result.rateMlPerHour } : {}),
              ...(result.devices !== undefined ? { devices: result.devices } : {}),
            }),
        warnings,
        blocked,
        reasons,
        overridden: !blocked && result.overridden,
        weightKg: input.weightKg ?? null,
        weightMeasuredAt: weightMeasuredAt?.toISOString() ?? null,
        mgPerKg: result.inputs.mgPerKg ?? null,
        ...(result.dosingWeight ? { dosingWeight: result.dosingWeight } : {}),
        ...(result.dosingWeight && heightFrom ? { heightFrom } : {}),
      };
      const verifierId = verification?.ok ? verification.verifierId : null;
      const saved = await ctx.db.transaction().execute(async (trx) => {
        const r = await trx
          .insertInto('plan_dose_calculations')
          .values({
            clinic_id: a.clinicId,
            patient_id: b.patientId ?? null,
            protocol_id: row.id,
            protocol_version: row.version,
            inputs: toJson({
              ...result.inputs,
              override: b.override
                ? {
                    reason: b.override.reason,
                    verifierEmail: b.override.verifierEmail,
                    verified: verification?.ok ?? false,
                  }
                : null,
            }),
            result: toJson(body),
            blocked,
            overridden: body.overridden,
            override_reason: b.override?.reason ?? null,
            verifier_id: verifierId,
            calculated_by: a.userId,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const details = {
          protocolVersion: row.version,
          blocked,
          overridden: body.overridden,
          overrideAttempted: Boolean(b.override),
          verified: verification?.ok ?? null,
        };
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'dose_calculation',
          resourceId: r.id,
          patientId: b.patientId ?? null,
          category: 'dosing_session',
          details,
        });
        if (verification && b.override)
          await auditVerification(trx, ctx, a, verification, b.override, {
            resourceId: r.id,
            patientId: b.patientId ?? null,
            sourceAddress: req.ip ?? null,
          });
        return r;
      });
      return { calculationId: saved.id, ...body };
    },
  );
}
