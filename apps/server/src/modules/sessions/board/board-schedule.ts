/**
 * What the live board shows from the schedule: the clinic's active chairs and rooms (sort order, then name in natural order), each with today's
 * dosing appointments that are booked and not yet checked in (the clinic's calendar day, its time zone),
 * and those that hold no active chair. Read inside the board's repeatable-read transaction.
 *
 * Plan state: the appointment's plan when it names one (draft → approval pending; otherwise approved),
 * else the patient's newest plan that has not ended; no such plan → "no plan".
 */
import type { BoardChair, BoardUpcomingAppointment, PlanState } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';

const names = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });

export async function boardSchedule(
  trx: Kysely<DB>,
  clinicId: string,
  timeZone: string,
  now: Date,
): Promise<{ chairs: BoardChair[]; upcomingWithoutChair: BoardUpcomingAppointment[] }> {
  const today = sql<string>`(${now}::timestamptz at time zone ${timeZone})::date`;
  const [chairs, appointments] = await Promise.all([
    trx
      .selectFrom('chairs')
      .select(['id', 'name', 'kind', 'sort_order'])
      .where('clinic_id', '=', clinicId)
      .where('active', '=', true)
      .execute()
      .then((rows) =>
        rows.sort(
          (a, b) => a.sort_order - b.sort_order || names.compare(a.name, b.name) || a.id.localeCompare(b.id),
        ),
      ),
    trx
      .selectFrom('appointments as ap')
      .innerJoin('patients as p', (j) =>
        j.onRef('p.clinic_id', '=', 'ap.clinic_id').onRef('p.id', '=', 'ap.patient_id'),
      )
      .leftJoin('plan_treatment_plans as tp', (j) =>
        j.onRef('tp.clinic_id', '=', 'ap.clinic_id').onRef('tp.id', '=', 'ap.plan_id'),
      )
      .select([
        'ap.id',
        'ap.chair_id',
        'ap.patient_id',
        'ap.start_at',
        'ap.end_at',
        'p.first_name',
        'p.last_name',
        'tp.status as plan_status',
        (eb) =>
          eb
            .selectFrom('plan_treatment_plans as lp')
            .select('lp.status')
            .whereRef('lp.clinic_id', '=', 'ap.clinic_id')
            .whereRef('lp.patient_id', '=', 'ap.patient_id')
            .where('lp.status', 'in', ['draft', 'approved', 'active'])
            .where('lp.entered_in_error_at', 'is', null)
            .orderBy('lp.created_at', 'desc')
            .limit(1)
            .as('latest_plan_status'),
      ])
      .where('ap.clinic_id', '=', clinicId)
      .where('ap.type', '=', 'dosing')
      .where('ap.status', '=', 'booked')
      .where(sql`(ap.start_at at time zone ${timeZone})::date`, '=', today)
      .orderBy('ap.start_at')
      .orderBy('ap.id')
      .execute(),
  ]);
  const view = (r: (typeof appointments)[number]): BoardUpcomingAppointment => ({
    id: r.id,
    patient: { id: r.patient_id, displayName: `${r.first_name} ${r.last_name}` },
    start: new Date(r.start_at).toISOString(),
    end: new Date(r.end_at).toISOString(),
    planState: planStateOf(r.plan_status ?? r.latest_plan_status ?? null),
  });
  const chairIds = new Set(chairs.map((c) => c.id));
  return {
    chairs: chairs.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      upcoming: appointments.filter((r) => r.chair_id === c.id).map(view),
    })),
    upcomingWithoutChair: appointments
      .filter((r) => r.chair_id === null || !chairIds.has(r.chair_id))
      .map(view),
  };
}

function planStateOf(status: string | null): PlanState {
  if (status === null) return 'none';
  return status === 'draft' ? 'pending' : 'approved';
}
