/**
 * Scoring and storing one assessment, shared by staff entry, the patient portal and self-report links.
 * A stored score keeps its raw answers and the instrument version it was scored with.
 * A `suicide_risk` flag raises an alert in the same transaction
 * (docs/clinical-sources.md#suicide-risk-flags-and-crisis-resources), so a score is never stored without its
 * alert.
 */
import {
  type InstrumentDefinition,
  type ScoreSuccess,
  scoreAssessment,
} from '@plasticity/clinical/instruments';
import type { Assessment } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import type { AssessmentsTable } from '@plasticity/db/tables/measurement';
import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { raiseAlert } from '../alerts/alert-store.ts';
import type { AuditActor } from '../audit/audit-writer.ts';

export const SUICIDE_RISK = 'suicide_risk';

export function toAssessment(r: Selectable<AssessmentsTable>): Assessment {
  return {
    id: r.id,
    patientId: r.patient_id,
    instrument: r.instrument_id,
    instrumentVersion: r.instrument_version,
    answers: r.answers,
    total: r.total,
    severity: r.severity,
    ...(r.subscales ? { subscales: r.subscales } : {}),
    ...(r.domains ? { domains: r.domains } : {}),
    flags: r.flags,
    missing: r.missing,
    prorated: r.prorated,
    warnings: r.warnings,
    administeredAt: r.administered_at.toISOString(),
    source: r.source,
    completedVia: r.completed_via,
    handedBy: r.handed_by,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * Scores answers or throws 400 `validation_failed` naming each offending item (`<prefix>answers[i]`).
 * A refused form's safety flags travel in the error details so the caller can still show crisis help.
 */
export function scoreOrThrow(
  def: InstrumentDefinition,
  answers: unknown[],
  sex: string | undefined,
  prefix = '',
): ScoreSuccess {
  const r = scoreAssessment(def, answers as (number | null)[], { sex });
  if (r.ok) return r;
  const details = r.errors.map((e) => ({
    field: `${prefix}${e.field}`,
    message: e.message,
    ...(e.item !== undefined ? { item: e.item } : {}),
    ...(r.flags?.length ? { flags: r.flags } : {}),
  }));
  const first = details[0];
  throw new AppError(
    'validation_failed',
    first ? `${first.field}: ${first.message}` : 'answers are invalid',
    details,
  );
}

/** Validates `administeredAt`: not in the future (5 minutes of clock skew allowed), not before 1900. */
export function administeredAtOrThrow(
  ctx: ModuleContext,
  value: string | undefined,
  field = 'body.administeredAt',
): Date {
  const now = ctx.clock.now();
  if (value === undefined) return now;
  const t = new Date(value);
  if (Number.isNaN(t.getTime()))
    throw new AppError('validation_failed', `${field}: is not a valid date-time`, [
      { field, message: 'is not a valid date-time' },
    ]);
  if (t.getTime() > now.getTime() + 5 * 60_000)
    throw new AppError('validation_failed', `${field}: cannot be in the future`, [
      { field, message: 'cannot be in the future' },
    ]);
  if (t.getUTCFullYear() < 1900)
    throw new AppError('validation_failed', `${field}: is before 1900`, [
      { field, message: 'is before 1900' },
    ]);
  return t;
}

export interface RecordInput {
  clinicId: string;
  patientId: string;
  def: InstrumentDefinition;
  answers: (number | null)[];
  score: ScoreSuccess;
  administeredAt: Date;
  source: 'staff' | 'portal' | 'link';
  enteredBy: string | null;
  linkId?: string | null;
  /** For answers given through a link handed over on a clinic device: who handed it over. */
  handedBy?: string | null;
}

/** How the answers were completed, from where they came in and whether a clinic device was handed over. */
export function completedVia(input: Pick<RecordInput, 'source' | 'handedBy'>) {
  if (input.source === 'staff') return 'staff_entry' as const;
  if (input.source === 'portal') return 'portal' as const;
  return input.handedBy ? ('clinic_device' as const) : ('patient_link' as const);
}

/** Inserts the assessment, completes open requests for it, raises the alert; audits each on `trx`. */
export async function recordAssessment(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  actor: AuditActor | null,
  input: RecordInput,
) {
  const { score, def } = input;
  const now = ctx.clock.now();
  const row = await trx
    .insertInto('assessments')
    .values({
      clinic_id: input.clinicId,
      patient_id: input.patientId,
      instrument_id: def.id,
      instrument_version: score.instrumentVersion,
      answers: toJson(input.answers),
      total: score.total,
      severity: score.severity,
      subscales: score.subscales ? toJson(score.subscales) : null,
      domains: score.domains ? toJson(score.domains) : null,
      flags: toJson([...score.flags]),
      missing: toJson([...score.missing]),
      prorated: score.prorated,
      warnings: toJson([...score.warnings]),
      administered_at: input.administeredAt,
      source: input.source,
      completed_via: completedVia(input),
      handed_by: input.source === 'link' ? (input.handedBy ?? null) : null,
      entered_by: input.enteredBy,
      self_report_link_id: input.linkId ?? null,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit.record(trx, actor, {
    action: 'create',
    resourceType: 'assessment',
    resourceId: row.id,
    patientId: input.patientId,
    category: 'assessment',
    details: { instrument: def.id, source: input.source, completedVia: completedVia(input) },
  });
  await trx
    .updateTable('measurement_requests')
    .set({ completed_at: now })
    .where('clinic_id', '=', input.clinicId)
    .where('patient_id', '=', input.patientId)
    .where('instrument_id', '=', def.id)
    .where('completed_at', 'is', null)
    .execute();
  let alertId: string | null = null;
  if (score.flags.includes(SUICIDE_RISK)) {
    const alert = await raiseAlert(trx, ctx, actor, {
      clinicId: input.clinicId,
      patientId: input.patientId,
      kind: SUICIDE_RISK,
      severity: 'critical',
      title: `Suicide risk on ${def.name}${score.severity ? ` (${score.severity})` : ''}: review now`,
      sourceType: 'assessment',
      sourceId: row.id,
      parameter: def.id,
      value: String(score.total),
    });
    alertId = alert.id;
  }
  return { assessment: toAssessment(row), alertId };
}

/**
 * Crisis resources shown at once when a safety flag is raised
 * (docs/clinical-sources.md#suicide-risk-flags-and-crisis-resources).
 */
export const CRISIS_RESOURCES = [
  { name: '988 Suicide & Crisis Lifeline', contact: '988', how: 'Call or text 988, any time, day or night.' },
  { name: 'Emergency services', contact: '911', how: 'Call 911 if you are in immediate danger.' },
];
export const CRISIS_MESSAGE =
  'Thank you for your answers. Your answers may not be read immediately. If you are thinking about hurting yourself or feel unsafe, please reach out now: call or text 988 (Suicide & Crisis Lifeline), or call 911 in an emergency.';
