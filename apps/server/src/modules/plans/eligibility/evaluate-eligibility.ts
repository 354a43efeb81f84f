/**
 * POST /api/v1/patients/{id}/eligibility — evaluates the latest intake against the clinic's current rule
 * set (for the given protocol, or every rule when none is given) and stores the result with the rule-set
 * version used. Combination (docs/clinical-sources.md#contraindications): any absolute → "no" (only a
 * prescriber's override with a reason lifts it), any relative → "review" (prescriber review), else "yes";
 * every hit is returned. The chart's active medication and allergy lists (reconciled or not) are merged into
 * the intake first, so a medicine the patient reported, or staff added, reaches the rules that read it. No
 * intake → 409 precondition_failed.
 */
import { evaluateEligibility } from '@plasticity/clinical/eligibility';
import { applyMedicationList } from '@plasticity/clinical/medications';
import { EligibilityDecision, EligibilityRequest, IdParams } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICIANS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { activeLists } from '../../medications/entry-row.ts';
import { latestIntake } from '../intake/intake-row.ts';
import { protocolById, protocolOf } from '../library/protocol-row.ts';
import { ageOn, patientOf } from '../patient-and-settings.ts';
import { toDecision } from './decision-row.ts';
import { currentRuleSet, rulesOf } from './rule-sets.ts';

export function evaluateEligibilityRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/eligibility',
    {
      config: { policy: allow.roles(...CLINICIANS) },
      schema: {
        params: IdParams,
        body: EligibilityRequest.nullish(),
        response: { 200: EligibilityDecision },
        tags: ['eligibility'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        const patient = await patientOf(trx, a.clinicId, req.params.id);
        const intake = await latestIntake(trx, a.clinicId, patient.id);
        if (!intake) {
          throw new AppError(
            'precondition_failed',
            'no intake recorded for this patient: complete the intake first',
            [{ field: 'intake', message: 'no intake recorded' }],
          );
        }
        const protocolId = req.body?.protocolId;
        const protocol = protocolId ? protocolOf(await protocolById(trx, a.clinicId, protocolId)) : undefined;
        const ruleSet = await currentRuleSet(trx, a.clinicId);
        const ageYears = ageOn(patient.date_of_birth, now);
        const lists = await activeLists(trx, a.clinicId, patient.id);
        const merged = applyMedicationList(intake.data, lists);
        const result = evaluateEligibility(rulesOf(ruleSet), merged, {
          ageYears,
          ...(protocol
            ? { protocol: { drug: protocol.drug, route: protocol.route, indications: protocol.indications } }
            : {}),
        });
        const inserted = await trx
          .insertInto('plan_eligibility_decisions')
          .values({
            clinic_id: a.clinicId,
            patient_id: patient.id,
            intake_id: intake.id,
            rule_set_id: ruleSet.id,
            rule_set_version: ruleSet.version,
            protocol_id: protocolId ?? null,
            age_years: ageYears,
            eligible: result.eligible,
            hits: toJson(result.hits),
            unknown_fields: toJson(result.unknownFields),
            evaluated_by: a.userId,
            evaluated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'eligibility_decision',
          resourceId: inserted.id,
          patientId: patient.id,
          category: 'eligibility',
          details: {
            eligible: result.eligible,
            ruleSetVersion: ruleSet.version,
            hits: result.hits.map((h) => h.ruleId),
            listedMedications: lists.medications.length,
          },
        });
        return inserted;
      });
      return toDecision(row);
    },
  );
}
