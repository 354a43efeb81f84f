/**
 * The live board's snapshot of one clinic at `now`, read in the caller's transaction (the route reads it in
 * one repeatable-read transaction, one database snapshot): its chairs — patient, protocol, phase, when the
 * phase and the dose started, the latest vitals and the last 30 readings for the trend sparklines, open alerts
 * (an acknowledged one leaves), whether a MOAA/S or CADSS-6 is due (`observations`, the protocol's schedule) —
 * and `lastEventId`, the clinic's newest board event in the same snapshot, so the browser opens /board/events
 * from exactly this snapshot and misses nothing raised in between.
 *
 * Which sessions: every session in progress (checked in … recovery), sessions booked for today or earlier
 * and not started (the clinic's calendar day), and a discharged, cancelled or aborted session only for
 * the clinic's `boardClosedVisibleMin` minutes after it closed (default 30), so a day of 12 chairs stays
 * on one screen. Chairs sort naturally ("2" before "10", Intl.Collator numeric), then by booked time.
 *
 * Each session carries the dose given so far and the running infusion's progress (`dose`), and its chair
 * record (`chairId`) when its chair text names one. From the schedule (`board-schedule.ts`): the clinic's
 * active chairs (`chairs`), each with today's booked dosing appointments not yet checked in, and those
 * appointments that hold no active chair (`upcomingWithoutChair`).
 */
import { observationScheduleOf } from '@plasticity/clinical/monitoring';
import { type Board, SessionStatus, type StoredVital } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { toAlert } from '../../alerts/alert-store.ts';
import { infusionOf } from '../lifecycle/session-detail.ts';
import { CLOSED_STATUSES, IN_CHAIR_STATUSES, iso, protocolOf } from '../shared/load.ts';
import { boardObservationFlag, scheduleInputs, sessionObservationsDue } from '../shared/observations-due.ts';
import { sessionSettings } from '../shared/settings.ts';
import { storedVitalJson } from '../shared/vital-json.ts';
import { SOURCE_TYPE } from '../vitals/raise-alerts.ts';
import { boardSchedule } from './board-schedule.ts';

export const SPARKLINE_POINTS = 30;

/** The closed statuses as an SQL list literal (constants, never input), to match the partial indexes' text. */
const CLOSED_LIST = sql.raw(`(${CLOSED_STATUSES.map((x) => `'${x}'`).join(', ')})`);

const chairOrder = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });
/** Chairs in natural order ("Chair 2" before "Chair 10"), then by booked time. */
export const byChair = (a: { chair: string; scheduled_at: Date }, b: { chair: string; scheduled_at: Date }) =>
  chairOrder.compare(a.chair, b.chair) ||
  new Date(a.scheduled_at).getTime() - new Date(b.scheduled_at).getTime();

export async function readBoard(
  trx: Kysely<DB>,
  clinicId: string,
  timeZone: string,
  now: Date,
): Promise<Board> {
  const { boardClosedVisibleMin } = await sessionSettings(trx, clinicId);
  const closedSince = new Date(now.getTime() - boardClosedVisibleMin * 60_000);
  const today = sql<string>`(${now}::timestamptz at time zone ${timeZone})::date`;
  const top = await trx
    .selectFrom('board_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('clinic_id', '=', clinicId)
    .executeTakeFirst();
  const sessions = await trx
    .selectFrom('dosing_sessions as s')
    .innerJoin('patients as p', (j) =>
      j.onRef('p.clinic_id', '=', 's.clinic_id').onRef('p.id', '=', 's.patient_id'),
    )
    .selectAll('s')
    .select(['p.first_name', 'p.last_name', 'p.mrn'])
    .where('s.clinic_id', '=', clinicId)
    // Written as the two partial indexes' predicates (open: `dosing_sessions_one_open_idx`; closed
    // lately: `dosing_sessions_closed_at_idx`, migration 0040), literally, so the planner can use them.
    .where(
      sql<boolean>`((s.status not in ${CLOSED_LIST}
            and (s.status <> 'scheduled' or (s.scheduled_at at time zone ${timeZone})::date <= ${today}))
          or (s.status in ${CLOSED_LIST} and coalesce(s.discharged_at, s.updated_at) >= ${closedSince}))`,
    )
    .execute()
    .then((rows) => rows.sort(byChair));
  const ids = sessions.map((s) => s.id);
  const [vitals, alerts, phases] = ids.length
    ? await Promise.all([
        // Each session's trend as one JSON array built by the database, oldest first (see vital-json.ts).
        sql<{ session_id: string; trend: StoredVital[] }>`-- prepare:board_trends
        select x.id as session_id, (
          select coalesce(json_agg(${storedVitalJson} order by v.at, v.recorded_at), '[]'::json)
            from (select * from session_vitals
                   where clinic_id = ${clinicId} and session_id = x.id and entered_in_error_at is null
                   order by at desc, recorded_at desc limit ${SPARKLINE_POINTS}) v
        ) as trend from unnest(${ids}::uuid[]) as x(id)`.execute(trx),
        trx
          .selectFrom('alerts')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('source_type', '=', SOURCE_TYPE)
          .where('source_id', 'in', ids)
          .where('status', '=', 'open')
          .orderBy('created_at')
          .execute(),
        trx
          .selectFrom('session_transitions')
          .select(['session_id', (eb) => eb.fn.max('at').as('at')])
          .where('clinic_id', '=', clinicId)
          .where('session_id', 'in', ids)
          .groupBy('session_id')
          .execute(),
      ])
    : [{ rows: [] }, [], []];
  const doses = ids.length
    ? await trx
        .selectFrom('session_administrations')
        .select([
          'session_id',
          'route',
          'dose_mg',
          'started_at',
          'stopped_at',
          'events',
          'duration_min',
          'rate_ml_per_hour',
        ])
        .where('clinic_id', '=', clinicId)
        .where('session_id', 'in', ids)
        .where('entered_in_error_at', 'is', null)
        .orderBy('started_at')
        .execute()
    : [];
  const inChair = sessions
    .filter((s) => (IN_CHAIR_STATUSES as readonly string[]).includes(s.status))
    .map((s) => s.id);
  const scheduled = await scheduleInputs(trx, clinicId, inChair);
  const schedule = await boardSchedule(trx, clinicId, timeZone, now);
  const trends = new Map(vitals.rows.map((v) => [v.session_id, v.trend]));
  return {
    now: now.toISOString(),
    lastEventId: Number(top?.id ?? 0),
    closedVisibleMin: boardClosedVisibleMin,
    sessions: sessions.map((s) => {
      const p = protocolOf(s);
      const trend = trends.get(s.id) ?? [];
      return {
        id: s.id,
        chair: s.chair,
        chairId: s.chair_id,
        patient: { id: s.patient_id, firstName: s.first_name, lastName: s.last_name, mrn: s.mrn },
        protocol: {
          id: s.protocol_id,
          name: p.name,
          drug: p.drug,
          route: p.route,
          cadenceMin: p.vitals.cadenceMin,
        },
        status: SessionStatus.parse(s.status),
        scheduledAt: new Date(s.scheduled_at).toISOString(),
        phaseSince: iso(phases.find((x) => x.session_id === s.id)?.at ?? null),
        doseStartedAt: iso(s.dose_started_at),
        dischargedAt: iso(s.discharged_at),
        dose: doseOf(
          doses.filter((d) => d.session_id === s.id),
          now,
        ),
        latestVitals: trend.at(-1) ?? null,
        trend,
        alerts: alerts.filter((x) => x.source_id === s.id).map((x) => toAlert(x)),
        observations: boardObservationFlag(
          sessionObservationsDue(
            s,
            scheduled.observations.filter((o) => o.session_id === s.id),
            scheduled.recovery.find((r) => r.session_id === s.id)?.at ?? null,
            now,
          ),
          observationScheduleOf(p.vitals).graceMin,
        ),
      };
    }),
    chairs: schedule.chairs,
    upcomingWithoutChair: schedule.upcomingWithoutChair,
  };
}

/** The dose given in the session (valid administrations) and the progress of the latest infusion. */
function doseOf(rows: Array<Parameters<typeof infusionOf>[0] & { dose_mg: string }>, now: Date) {
  if (rows.length === 0) return null;
  const givenMg = rows.reduce((t, r) => t + Math.round(Number(r.dose_mg) * 1000), 0) / 1000;
  const last = rows.at(-1);
  return { givenMg, infusion: last ? infusionOf(last, now) : null };
}
