/** Eligibility decision rows → API shape. */
import type { EligibilityDecision } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Selectable } from 'kysely';
import { iso } from '../patient-and-settings.ts';

export type DecisionRow = Selectable<DB['plan_eligibility_decisions']>;

export const toDecision = (r: DecisionRow): EligibilityDecision => ({
  id: r.id,
  patientId: r.patient_id,
  intakeId: r.intake_id,
  eligible: r.eligible,
  hits: r.hits as EligibilityDecision['hits'],
  unknownFields: r.unknown_fields,
  ruleSetVersion: r.rule_set_version,
  protocolId: r.protocol_id,
  ageYears: r.age_years,
  evaluatedAt: r.evaluated_at.toISOString(),
  decision: r.decision,
  override: r.override,
  decisionReason: r.decision_reason,
  decidedBy: r.decided_by,
  decidedAt: iso(r.decided_at),
});
