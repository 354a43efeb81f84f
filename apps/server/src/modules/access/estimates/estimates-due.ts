/**
 * What good-faith estimates the clinic owes now (45 CFR 149.610(b)(1)(vi)), for its self-pay and uninsured
 * patients (the coverage status in force):
 * - a booked visit of any type, from now on, scheduled at least 3 business days before its date, that no estimate
 *   covers (an issued or drafted estimate, not entered in error, whose period holds the visit's date): due 1 business
 *   day after booking (3 when booked 10 or more business days ahead), counted on clinic-local dates;
 * - a drafted estimate not yet issued (a request, or a scheduled service without an appointment): due by its deadline.
 * Overdue when the deadline is before today. Sorted by deadline.
 */
import { estimateDeadline } from '@plasticity/clinical/estimates';
import { instantToLocal } from '@plasticity/clinical/scheduling';
import type { EstimateDueItem } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { estimateRequired } from './coverage.ts';

export async function estimatesDue(
  db: Kysely<DB>,
  clinicId: string,
  now: Date,
  timeZone: string,
): Promise<EstimateDueItem[]> {
  const today = instantToLocal(now, timeZone).date;
  const coverage = await db
    .selectFrom('patient_coverage as c')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .distinctOn('c.patient_id')
    .select(['c.patient_id', 'c.status', 'p.first_name', 'p.last_name'])
    .where('c.clinic_id', '=', clinicId)
    .where('p.clinic_id', '=', clinicId)
    .orderBy('c.patient_id')
    .orderBy('c.recorded_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  const owed = new Map(coverage.filter((c) => estimateRequired(c.status)).map((c) => [c.patient_id, c]));
  if (owed.size === 0) return [];
  const ids = [...owed.keys()];

  const [appointments, estimates] = await Promise.all([
    db
      .selectFrom('appointments')
      .select(['id', 'patient_id', 'start_at', 'created_at'])
      .where('clinic_id', '=', clinicId)
      .where('patient_id', 'in', ids)
      .where('status', '=', 'booked')
      .where('start_at', '>=', now)
      .execute(),
    db
      .selectFrom('good_faith_estimates')
      .select([
        'id',
        'patient_id',
        'status',
        'period_from',
        'period_to',
        'trigger_kind',
        'trigger_on',
        'due_by',
        'scheduled_on',
      ])
      .where('clinic_id', '=', clinicId)
      .where('patient_id', 'in', ids)
      .where('entered_in_error_at', 'is', null)
      .execute(),
  ]);

  const items: EstimateDueItem[] = [];
  const base = (patientId: string) => {
    const c = owed.get(patientId);
    if (!c) throw new Error('patient without coverage');
    return { patientId, patientName: `${c.first_name} ${c.last_name}`, coverage: c.status };
  };
  for (const a of appointments) {
    const serviceOn = instantToLocal(a.start_at, timeZone).date;
    const scheduledOn = instantToLocal(a.created_at, timeZone).date;
    const deadline = estimateDeadline({ kind: 'scheduled', scheduledOn, serviceOn });
    if (!deadline.dueBy) continue;
    const covered = estimates.some(
      (e) => e.patient_id === a.patient_id && e.period_from <= serviceOn && serviceOn <= e.period_to,
    );
    if (covered) continue;
    items.push({
      kind: 'scheduled',
      ...base(a.patient_id),
      appointmentId: a.id,
      estimateId: null,
      serviceOn,
      triggerOn: scheduledOn,
      dueBy: deadline.dueBy,
      overdue: deadline.dueBy < today,
    });
  }
  for (const e of estimates) {
    if (e.status !== 'draft' || !e.due_by) continue;
    items.push({
      kind: e.trigger_kind,
      ...base(e.patient_id),
      appointmentId: null,
      estimateId: e.id,
      serviceOn: e.scheduled_on,
      triggerOn: e.trigger_on,
      dueBy: e.due_by,
      overdue: e.due_by < today,
    });
  }
  return items.sort((x, y) => x.dueBy.localeCompare(y.dueBy) || x.patientName.localeCompare(y.patientName));
}
