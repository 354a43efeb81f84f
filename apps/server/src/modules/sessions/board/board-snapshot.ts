/**
 * The live board's snapshot of one clinic at `now`, read by ONE statement (one round trip, one database
 * snapshot): its chairs — patient, protocol, phase, when the phase and the dose started, the latest reading,
 * the last 30 readings' time, heart rate and SpO₂ for the trend sparklines (what they draw, no more: the trends
 * are most of a full board's bytes), open alerts (an acknowledged one leaves), whether a MOAA/S or
 * CADSS-6 is due (`observations`, the protocol's schedule) — today's schedule, and `lastEventId`, the clinic's
 * newest board event in the same snapshot, so the browser opens /board/events from exactly this snapshot and
 * misses nothing raised in between. The caller's audit entries go in the same statement (a data-modifying
 * CTE), so the read and its entries commit together.
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
 *
 * Why one statement: every screen in a clinic reads the board, and under load each round trip waits behind
 * the server's other work; the dozen reads it took before cost more in waiting than in the database.
 */
import { observationScheduleOf } from '@plasticity/clinical/monitoring';
import type { Protocol, VitalsPlan } from '@plasticity/clinical/protocols';
import { type Board, type BoardTrendPoint, SessionStatus, type StoredVital } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import { type JsonRow, jsonRows } from '../../../platform/json-rows.ts';
import { toAlert } from '../../alerts/alert-store.ts';
import { infusionOf } from '../lifecycle/session-detail.ts';
import { CLOSED_STATUSES, iso } from '../shared/load.ts';
import { boardObservationFlag, SCHEDULED_KINDS, sessionObservationsDue } from '../shared/observations-due.ts';
import { storedVitalJson, trendPointJson } from '../shared/vital-json.ts';
import { SOURCE_TYPE } from '../vitals/raise-alerts.ts';
import { type AppointmentRow, boardScheduleOf, type ChairRow, scheduleQueries } from './board-schedule.ts';

const SPARKLINE_POINTS = 30;

/** The closed statuses as an SQL list literal (constants, never input), to match the partial indexes' text. */
const CLOSED_LIST = sql.raw(`(${CLOSED_STATUSES.map((x) => `'${x}'`).join(', ')})`);
/** The session a per-session part is read for (`perSession`: each of the statement's sessions in turn). */
const THIS_SESSION = sql.ref<string>('x.id');
/**
 * A part's rows for every session of the statement, each with its session: a lateral join, each session's rows
 * found by the part's index. `offset 0` keeps it so: the planner cannot know how few sessions a board holds (a
 * generic plan guesses thousands) and would otherwise read the clinic's every row of the table into a hash.
 */
const perSession = <O>(part: Expression<O>) =>
  sql<
    O & { session_id: string }
  >`select x.id as session_id, y.* from board_sessions x cross join lateral (${part} offset 0) y`;
/** How many sessions the board shows, as an SQL expression the caller's audit entry can hold. */
export const BOARD_SESSION_COUNT = sql<number>`(select count(*)::int from board_sessions)`;

const chairOrder = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });
/** Chairs in natural order ("Chair 2" before "Chair 10"), then by booked time. */
const byChair = (
  a: { chair: string; scheduled_at: Date | string },
  b: { chair: string; scheduled_at: Date | string },
) =>
  chairOrder.compare(a.chair, b.chair) ||
  new Date(a.scheduled_at).getTime() - new Date(b.scheduled_at).getTime();

/** The parts of a session's protocol snapshot the board reads. */
type BoardProtocol = Pick<Protocol, 'name' | 'drug' | 'route'> & {
  vitals: Pick<VitalsPlan, 'cadenceMin' | 'observations'>;
};

/** The sessions' read and the parts read per session (`perSession`) or for them all (alerts). */
function sessionParts(db: Kysely<DB>, clinicId: string) {
  return {
    sessions: db
      .selectFrom('dosing_sessions as s')
      // The session's patient by its key (`offset 0`, as in `perSession`: probes, not a hash of every patient).
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('patients')
            .select(['first_name', 'last_name', 'mrn'])
            .whereRef('patients.clinic_id', '=', 's.clinic_id')
            .whereRef('patients.id', '=', 's.patient_id')
            .offset(0)
            .as('p'),
        (j) => j.onTrue(),
      )
      .select([
        's.id',
        's.chair',
        's.chair_id',
        's.patient_id',
        's.protocol_id',
        's.status',
        's.scheduled_at',
        's.dose_started_at',
        's.discharged_at',
        'p.first_name',
        'p.last_name',
        'p.mrn',
        // The protocol snapshot's parts the board uses, not the whole snapshot: its name, drug and route, and of its
        // vitals plan the cadence and the observation schedule (not the thresholds and their cited sources, two
        // kilobytes a chair). One `jsonb_to_record` reads them all: the snapshot is kilobytes, stored compressed,
        // and each `->` on the stored column would decompress it again.
        sql<BoardProtocol>`(select jsonb_build_object('name', pr.name, 'drug', pr.drug, 'route', pr.route,
            'vitals', jsonb_build_object('cadenceMin', pr.vitals->'cadenceMin')
              || case when pr.vitals ? 'observations'
                   then jsonb_build_object('observations', pr.vitals->'observations') else '{}' end)
          from jsonb_to_record(s.protocol) as pr(name text, drug text, route text, vitals jsonb))`.as(
          'protocol',
        ),
      ])
      .where('s.clinic_id', '=', clinicId),
    alerts: db
      .selectFrom('alerts')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('source_type', '=', SOURCE_TYPE)
      .where(sql<boolean>`source_id in (select id::text from board_sessions)`)
      .where('status', '=', 'open'),
    // One read of the session's transitions for both: when its phase began, and its latest move to recovery.
    phases: db
      .selectFrom('session_transitions')
      .select([
        (eb) => eb.fn.max('at').as('at'),
        sql<Date | null>`max(at) filter (where to_status = 'recovery')`.as('recovery_at'),
      ])
      .where('clinic_id', '=', clinicId)
      .where('session_id', '=', THIS_SESSION),
    doses: db
      .selectFrom('session_administrations')
      .select([
        'route',
        'started_at',
        'stopped_at',
        'events',
        // As text, as the driver reads numeric columns (not as JSON numbers).
        sql<string>`dose_mg::text`.as('dose_mg'),
        sql<string | null>`duration_min::text`.as('duration_min'),
        sql<string | null>`rate_ml_per_hour::text`.as('rate_ml_per_hour'),
      ])
      .where('clinic_id', '=', clinicId)
      .where('session_id', '=', THIS_SESSION)
      .where('entered_in_error_at', 'is', null),
    observations: db
      .selectFrom('session_observations')
      .select(['kind', 'at'])
      .where('clinic_id', '=', clinicId)
      .where('session_id', '=', THIS_SESSION)
      .where('kind', 'in', [...SCHEDULED_KINDS])
      .where('entered_in_error_at', 'is', null),
  };
}

type Parts = ReturnType<typeof sessionParts>;
type Row<K extends keyof Parts> = JsonRow<Awaited<ReturnType<Parts[K]['executeTakeFirstOrThrow']>>>;
type Rows<K extends keyof Parts> = Row<K>[];
type PerSession<K extends keyof Parts> = Array<Row<K> & { session_id: string }>;
type SessionRows = Rows<'sessions'>;

interface BoardRead {
  top: string | null;
  sessions: SessionRows;
  trends: Array<{ session_id: string; trend: BoardTrendPoint[]; latest: StoredVital | null }>;
  alerts: Rows<'alerts'>;
  phases: PerSession<'phases'>;
  doses: PerSession<'doses'>;
  observations: PerSession<'observations'>;
  chairs: ChairRow[];
  appointments: AppointmentRow[];
}

/**
 * Reads the board. `boardClosedVisibleMin` is the clinic's setting (read before); `audit` is the caller's audit
 * insert (`AuditWriter.insertSelect`), run in the statement (it may use `BOARD_SESSION_COUNT`).
 */
export async function readBoard(
  db: Kysely<DB>,
  o: {
    clinicId: string;
    timeZone: string;
    now: Date;
    boardClosedVisibleMin: number;
    audit: RawBuilder<unknown>;
  },
): Promise<Board> {
  const { clinicId, timeZone, now } = o;
  const closedSince = new Date(now.getTime() - o.boardClosedVisibleMin * 60_000);
  const today = sql<string>`(${now}::timestamptz at time zone ${timeZone})::date`;
  const parts = sessionParts(db, clinicId);
  const schedule = scheduleQueries(db, clinicId, timeZone, now);
  // Planned on each call, not prepared: a generic plan cannot see how few sessions are open or lately closed
  // (its guess is a third of the clinic's sessions), and it ran this statement a third slower than a fresh plan.
  const { rows } = await sql<BoardRead>`
    with board_sessions as (
      ${parts.sessions.where(
        // Written as the two partial indexes' predicates (open: `dosing_sessions_one_open_idx`; closed
        // lately: `dosing_sessions_closed_at_idx`, migration 0040), literally, so the planner can use them.
        sql<boolean>`((s.status not in ${CLOSED_LIST}
            and (s.status <> 'scheduled' or (s.scheduled_at at time zone ${timeZone})::date <= ${today}))
          or (s.status in ${CLOSED_LIST} and coalesce(s.discharged_at, s.updated_at) >= ${closedSince}))`,
      )}
    ), logged as (${o.audit})
    select (select max(id) from board_events where clinic_id = ${clinicId})::text as top,
      ${jsonRows(sql`select * from board_sessions`)} as sessions,
      -- Each session's trend points as one JSON array, oldest first, and its latest reading (vital-json.ts).
      ${jsonRows(sql`select x.id as session_id, (
          select coalesce(json_agg(${trendPointJson} order by v.at, v.recorded_at), '[]'::json)
            from (select at, recorded_at, hr, spo2 from session_vitals
                   where clinic_id = ${clinicId} and session_id = x.id and entered_in_error_at is null
                   order by at desc, recorded_at desc limit ${SPARKLINE_POINTS}) v
        ) as trend, (
          select ${storedVitalJson} from session_vitals v
            where clinic_id = ${clinicId} and session_id = x.id and entered_in_error_at is null
            order by at desc, recorded_at desc limit 1
        ) as latest from board_sessions x`)} as trends,
      ${jsonRows(parts.alerts, sql`x.created_at`)} as alerts,
      ${jsonRows(perSession(parts.phases))} as phases,
      ${jsonRows(perSession(parts.doses), sql`x.started_at`)} as doses,
      ${jsonRows(perSession(parts.observations))} as observations,
      ${jsonRows(schedule.chairs)} as chairs,
      ${jsonRows(schedule.appointments)} as appointments`.execute(db);
  const r = rows[0] as BoardRead;
  const bySession = <T extends { session_id: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) {
      const kept = m.get(x.session_id);
      if (kept) kept.push(x);
      else m.set(x.session_id, [x]);
    }
    return (id: string) => m.get(id) ?? [];
  };
  const trends = new Map(r.trends.map((t) => [t.session_id, t]));
  const alerts = bySession(r.alerts.map((a) => ({ ...a, session_id: a.source_id as string })));
  const phases = new Map(r.phases.map((p) => [p.session_id, p]));
  const doses = bySession(r.doses);
  const observations = bySession(r.observations);
  return {
    now: now.toISOString(),
    lastEventId: Number(r.top ?? 0),
    closedVisibleMin: o.boardClosedVisibleMin,
    sessions: [...r.sessions].sort(byChair).map((s) => {
      const p = s.protocol;
      const vitals = trends.get(s.id);
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
        phaseSince: iso(phases.get(s.id)?.at),
        doseStartedAt: iso(s.dose_started_at),
        dischargedAt: iso(s.discharged_at),
        dose: doseOf(doses(s.id), now),
        latestVitals: vitals?.latest ?? null,
        trend: vitals?.trend ?? [],
        alerts: alerts(s.id).map((x) => toAlert(x)),
        observations: boardObservationFlag(
          sessionObservationsDue(s, observations(s.id), phases.get(s.id)?.recovery_at, now),
          observationScheduleOf(p.vitals).graceMin,
        ),
      };
    }),
    ...boardScheduleOf(r.chairs, r.appointments),
  };
}

/** The dose given in the session (valid administrations) and the progress of the latest infusion. */
function doseOf(rows: Array<Parameters<typeof infusionOf>[0] & { dose_mg: string }>, now: Date) {
  if (rows.length === 0) return null;
  const givenMg = rows.reduce((t, r) => t + Math.round(Number(r.dose_mg) * 1000), 0) / 1000;
  const last = rows.at(-1);
  return { givenMg, infusion: last ? infusionOf(last, now) : null };
}
