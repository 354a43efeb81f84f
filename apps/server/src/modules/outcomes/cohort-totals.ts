/**
 * The dashboard's figures for a cohort in one statement over the kept-current summaries (summaries/): the cohort
 * is every patient with a discharged session in the range (clinic-local days, by discharge) that matches the
 * filters — indication (the session's plan; "depression" takes in its subsets, `indicationsMatching`), protocol
 * (its key), route, clinician (the prescriber on site), age band (age on the session's day), sex. Without a
 * session-level filter the cohort is read from one row per patient; with one, from the patient's segments, whose
 * discharge instants count exactly the sessions and adverse events inside the range. Each patient is measured on
 * the chosen instrument, else the filtered indication's primary scale, else the scale of their latest session's
 * plan. Alerts raised and measurements due in the range come from their tables. Dropout follows
 * docs/clinical-sources.md#outcomes-time-points. Every table is scoped by the caller's clinic.
 */
import {
  type CohortFacts,
  indicationsMatching,
  PRIMARY_SCALE,
  TIME_POINT_KEYS,
  TRAJECTORY_WEEKS,
} from '@plasticity/clinical/outcomes';
import type { OutcomesQuery } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DateBounds } from './date-bounds.ts';

const DAY_MS = 86_400_000;
/** No discharge for this long, fewer sessions than planned and none booked: a dropout. */
const DROPOUT_GAP_DAYS = 28;

const TIME_POINT_COLUMNS = { end_of_induction: 'eoi', month_3: 'm3', month_6: 'm6' } as const;

export interface CohortResult {
  readonly facts: CohortFacts;
  readonly instruments: readonly string[];
}

const and = (parts: readonly RawBuilder<unknown>[]) =>
  parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);

/** The cohort: one row per patient with their sessions and adverse events in it, and their latest scale. */
function cohortSql(clinicId: string, q: OutcomesQuery, b: DateBounds) {
  const family = q.indication ? indicationsMatching(q.indication) : null;
  const sessionLevel = b.start || b.end || q.protocolId || q.route || q.clinicianId || q.ageBand;
  const sex = q.sex ? sql`p.sex = ${q.sex}` : sql`true`;
  if (!sessionLevel) {
    const where = [sql`p.clinic_id = ${clinicId}`, sex];
    if (family) where.push(sql`p.indications ?| array[${sql.join(family)}]::text[]`);
    return sql`select p.patient_id, p.sessions, p.adverse_events, p.default_scale as latest_scale,
        p.latest_plan_status, p.planned_sessions, p.sessions as discharged, p.last_discharged_at, p.last_booked_at
      from outcome_patients p where ${and(where)}`;
  }
  const where = [sql`s.clinic_id = ${clinicId}`];
  if (b.start) where.push(sql`s.last_discharged_at >= ${b.start}`);
  if (b.end) where.push(sql`s.first_discharged_at < ${b.end}`);
  if (q.protocolId) where.push(sql`s.protocol_key = ${q.protocolId}`);
  if (q.route) where.push(sql`s.route = ${q.route}`);
  if (q.clinicianId) where.push(sql`s.clinician_id = ${q.clinicianId}`);
  if (q.ageBand) where.push(sql`s.age_band = ${q.ageBand}`);
  if (family) where.push(sql`s.indications ?| array[${sql.join(family)}]::text[]`);
  // Instants as epoch milliseconds, the segments' own unit; a segment wholly inside the range is counted whole.
  const inside: RawBuilder<unknown>[] = [];
  const elementIn: RawBuilder<unknown>[] = [];
  if (b.start) {
    inside.push(sql`s.first_discharged_at >= ${b.start}`);
    elementIn.push(sql`e.v::bigint >= ${b.start.getTime()}`);
  }
  if (b.end) {
    inside.push(sql`s.last_discharged_at < ${b.end}`);
    elementIn.push(sql`e.v::bigint < ${b.end.getTime()}`);
  }
  const whole = and(inside);
  const within = and(elementIn);
  const count = (column: 'discharged_at' | 'adverse_event_at', total: 'sessions' | 'adverse_events') =>
    sql`case when ${whole} then s.${sql.ref(total)} else (select count(*) from jsonb_array_elements_text(s.${sql.ref(column)}) as e(v) where ${within}) end`;
  return sql`select g.patient_id, g.sessions, g.adverse_events, g.latest_scale, p.latest_plan_status,
      p.planned_sessions, p.sessions as discharged, p.last_discharged_at, p.last_booked_at
    from (
      select patient_id, sum(n)::int as sessions, sum(ae)::int as adverse_events,
        (array_agg(primary_scale order by latest desc))[1] as latest_scale
      from (
        select s.patient_id, s.primary_scale, ${count('discharged_at', 'sessions')} as n,
          ${count('adverse_event_at', 'adverse_events')} as ae,
          case when ${whole} then (extract(epoch from s.last_discharged_at) * 1000)::bigint
            else (select max(e.v::bigint) from jsonb_array_elements_text(s.discharged_at) as e(v) where ${within}) end
            as latest
        from outcome_segments s where ${and(where)}
      ) seg where n > 0
      group by patient_id
    ) g join outcome_patients p on p.clinic_id = ${clinicId} and p.patient_id = g.patient_id
    where ${sex}`;
}

export async function cohortTotals(
  db: Kysely<DB>,
  clinicId: string,
  q: OutcomesQuery,
  b: DateBounds,
  now: Date,
  instrumentIds: readonly string[],
): Promise<CohortResult> {
  const asOf = b.end && b.end < now ? b.end : now;
  const chosen = q.instrument ?? (q.indication ? PRIMARY_SCALE[q.indication] : undefined);
  const scale = chosen === undefined ? sql`c.latest_scale` : sql`${chosen}::text`;
  const yes = (column: string) =>
    sql`count(o.${sql.ref(column)})::int, (count(*) filter (where o.${sql.ref(column)}))::int`;
  const timePoints = TIME_POINT_KEYS.flatMap((k) => [
    yes(`${TIME_POINT_COLUMNS[k]}_response`),
    yes(`${TIME_POINT_COLUMNS[k]}_remission`),
  ]);
  const weeks = Array.from(
    { length: TRAJECTORY_WEEKS + 1 },
    (_, w) => sql`count(o.${sql.ref(`week_${w}`)})::int, coalesce(sum(o.${sql.ref(`week_${w}`)}), 0)::float8`,
  );
  const since = b.start ? sql`and x.created_at >= ${b.start}` : sql``;
  const dueSince = b.start ? sql`and m.due_at >= ${b.start}` : sql``;
  const stale = new Date(asOf.getTime() - DROPOUT_GAP_DAYS * DAY_MS);
  // The cohort is written out wherever it is used rather than shared as a CTE: a CTE read more than once is
  // materialised, which doubled the time at 100,000 patients; each count below runs only over its own rows.
  const cohort = () => cohortSql(clinicId, q, b);
  const scaleCounts = instrumentIds.map((id) => sql`(count(*) filter (where ${scale} = ${id}))::int`);
  const query = sql<{ f: (number | string | null)[] }>`select array[
      count(*)::int,
      coalesce(sum(c.sessions), 0)::int,
      coalesce(sum(c.adverse_events), 0)::int,
      (count(*) filter (where c.latest_plan_status = 'stopped' or (c.latest_plan_status is distinct from 'completed'
        and c.planned_sessions is not null and c.discharged < c.planned_sessions and c.last_discharged_at < ${stale}
        and not coalesce(c.last_booked_at > ${now}, false))))::int,
      (select count(*) from alerts x where x.clinic_id = ${clinicId} ${since} and x.created_at < ${asOf}
        and x.patient_id in (select k.patient_id from (${cohort()}) k))::int,
      max(due.n),
      max(due.completed),
      (count(*) filter (where o.category = 'response'))::int,
      (count(*) filter (where o.category = 'partial'))::int,
      (count(*) filter (where o.category = 'none'))::int,
      ${yes('remission')},
      ${sql.join(timePoints)},
      count(o.days_to_response)::int,
      percentile_cont(0.5) within group (order by o.days_to_response),
      ${sql.join(weeks)}${instrumentIds.length > 0 ? sql`, ${sql.join(scaleCounts)}` : sql``}
    ]::float8[] as f
    from (${cohort()}) c left join outcome_patient_scales o
      on o.clinic_id = ${clinicId} and o.patient_id = c.patient_id and o.instrument_id = ${scale}
    -- Measurement requests due in the range, and those completed: one read of the table for both.
    cross join (select count(*)::int as n, (count(*) filter (where m.completed_at is not null))::int as completed
      from measurement_requests m where m.clinic_id = ${clinicId} ${dueSince} and m.due_at < ${asOf}
        and m.patient_id in (select k.patient_id from (${cohort()}) k)) due`;
  const row = await db.transaction().execute(async (trx) => {
    // For this one wide aggregate: room to sort and hash in memory. (JIT, which compiled its eighty aggregates for
    // seconds once the date filters raised the cost estimate, is off on every connection: open-database.ts.)
    await sql`select set_config('work_mem', '64MB', true)`.execute(trx);
    return (await query.execute(trx)).rows[0] as { f: (number | string | null)[] };
  });
  const f = row.f.map((v) => (v === null ? null : Number(v)));
  let i = 0;
  const next = () => f[i++] ?? 0;
  const [patients, sessions, adverseEvents, dropouts, alerts, due, completed] = Array.from(
    { length: 7 },
    next,
  );
  const categories = { response: next(), partial: next(), none: next() };
  const share = () => ({ evaluable: next(), yes: next() });
  const remission = share();
  const points = TIME_POINT_KEYS.map((k) => [k, { response: share(), remission: share() }] as const);
  const daysN = next();
  const median = f[i++] ?? null;
  const weekly = Array.from({ length: TRAJECTORY_WEEKS + 1 }, (_, week) => ({
    week,
    n: next(),
    sumTenths: next(),
  }));
  const perScale = instrumentIds.map(() => next());
  const instruments = instrumentIds.filter((_, k) => (perScale[k] ?? 0) > 0);
  return {
    facts: {
      patients: patients ?? 0,
      sessions: sessions ?? 0,
      adverseEvents: adverseEvents ?? 0,
      dropouts: dropouts ?? 0,
      alerts: alerts ?? 0,
      measurementsDue: due ?? 0,
      measurementsCompleted: completed ?? 0,
      totals: {
        categories,
        remission,
        timePoints: Object.fromEntries(points) as CohortFacts['totals']['timePoints'],
        daysToResponse: { n: daysN, medianDays: median },
        weeks: weekly,
      },
    },
    instruments: [...instruments].sort(),
  };
}
