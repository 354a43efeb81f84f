/**
 * What the live board shows from the schedule: the clinic's active chairs and rooms (sort order, then name in
 * natural order), each with today's dosing appointments that are booked and not yet checked in (the clinic's
 * calendar day, its time zone), and those that hold no active chair. `scheduleQueries` are the two reads,
 * which the board runs inside its one statement (board-snapshot.ts); `boardScheduleOf` shapes their rows.
 *
 * Plan state: the scheduling module's one rule (`planStatusSql`, `planStateOf`).
 */
import type { BoardChair, BoardUpcomingAppointment } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import type { JsonRow } from '../../../platform/json-rows.ts';
import { planStateOf, planStatusSql } from '../../scheduling/shared/plan-state.ts';

const names = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });

/** The clinic's active chairs, and today's booked dosing appointments (by start, then id). */
export function scheduleQueries(db: Kysely<DB>, clinicId: string, timeZone: string, now: Date) {
  const today = sql<string>`(${now}::timestamptz at time zone ${timeZone})::date`;
  return {
    chairs: db
      .selectFrom('chairs')
      .select(['id', 'name', 'kind', 'sort_order'])
      .where('clinic_id', '=', clinicId)
      .where('active', '=', true),
    appointments: db
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
        planStatusSql('ap', 'tp').as('plan_status'),
      ])
      .where('ap.clinic_id', '=', clinicId)
      .where('ap.type', '=', 'dosing')
      .where('ap.status', '=', 'booked')
      .where(sql`(ap.start_at at time zone ${timeZone})::date`, '=', today),
  };
}

type Queries = ReturnType<typeof scheduleQueries>;
type Row<Q extends keyof Queries> = JsonRow<Awaited<ReturnType<Queries[Q]['executeTakeFirstOrThrow']>>>;
export type ChairRow = Row<'chairs'>;
export type AppointmentRow = Row<'appointments'>;

/** The board's chairs (sort order, then name) with their appointments, and the appointments with no chair. */
export function boardScheduleOf(
  chairRows: ChairRow[],
  appointments: AppointmentRow[],
): { chairs: BoardChair[]; upcomingWithoutChair: BoardUpcomingAppointment[] } {
  const chairs = [...chairRows].sort(
    (a, b) => a.sort_order - b.sort_order || names.compare(a.name, b.name) || a.id.localeCompare(b.id),
  );
  const byStart = [...appointments].sort(
    (a, b) => Date.parse(a.start_at) - Date.parse(b.start_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const view = (r: AppointmentRow): BoardUpcomingAppointment => ({
    id: r.id,
    patient: { id: r.patient_id, displayName: `${r.first_name} ${r.last_name}` },
    start: new Date(r.start_at).toISOString(),
    end: new Date(r.end_at).toISOString(),
    planState: planStateOf('dosing', r.plan_status) ?? 'none',
  });
  const chairIds = new Set(chairs.map((c) => c.id));
  return {
    chairs: chairs.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      upcoming: byStart.filter((r) => r.chair_id === c.id).map(view),
    })),
    upcomingWithoutChair: byStart.filter((r) => r.chair_id === null || !chairIds.has(r.chair_id)).map(view),
  };
}
