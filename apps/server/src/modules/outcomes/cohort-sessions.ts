/**
 * The cohort of the outcomes dashboard: discharged dosing sessions of the caller's clinic in the date range
 * (clinic-local days, by discharge), narrowed by the filters — indication (the session's treatment plan),
 * protocol (its key, which every version shares), route (the session's protocol snapshot), clinician (the prescriber on site), sex and age band (age on the
 * session's day). One indexed query over dosing_sessions (migration 0028); age bands are applied here.
 */
import { ageBand } from '@plasticity/clinical/outcomes';
import { zonedInstant } from '@plasticity/clinical/time-format';
import type { OutcomesQuery } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';

export interface CohortSession {
  readonly id: string;
  readonly patientId: string;
  readonly dischargedAt: Date;
  readonly indications: readonly string[];
}

export interface DateBounds {
  readonly start: Date | null;
  readonly end: Date | null;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The instants that bound `from` 00:00 to the end of `to`, in the clinic's time zone. */
export function dateBounds(q: Pick<OutcomesQuery, 'from' | 'to'>, timeZone: string): DateBounds {
  const start = q.from ? zonedInstant(q.from, '00:00', timeZone) : null;
  const end = q.to ? zonedInstant(nextDay(q.to), '00:00', timeZone) : null;
  return { start: start ? new Date(start) : null, end: end ? new Date(end) : null };
}

export async function cohortSessions(
  db: Kysely<DB>,
  clinicId: string,
  q: OutcomesQuery,
  bounds: DateBounds,
): Promise<CohortSession[]> {
  let query = db
    .selectFrom('dosing_sessions as s')
    .innerJoin('patients as p', (j) =>
      j.onRef('p.id', '=', 's.patient_id').onRef('p.clinic_id', '=', 's.clinic_id'),
    )
    .leftJoin('plan_treatment_plans as tp', (j) =>
      j.onRef('tp.id', '=', 's.plan_id').onRef('tp.clinic_id', '=', 's.clinic_id'),
    )
    .select(['s.id', 's.patient_id', 's.discharged_at', 'tp.indications', 'p.date_of_birth'])
    .where('s.clinic_id', '=', clinicId)
    .where('s.status', '=', 'discharged')
    .where('s.discharged_at', 'is not', null);
  if (bounds.start) query = query.where('s.discharged_at', '>=', bounds.start);
  if (bounds.end) query = query.where('s.discharged_at', '<', bounds.end);
  if (q.protocolId) query = query.where('s.protocol_id', '=', q.protocolId);
  if (q.route) query = query.where(sql<string>`s.protocol->>'route'`, '=', q.route);
  if (q.clinicianId) query = query.where('s.prescriber_on_site_id', '=', q.clinicianId);
  if (q.sex) query = query.where('p.sex', '=', q.sex);
  if (q.indication) {
    query = query.where(sql<boolean>`tp.indications @> ${JSON.stringify([q.indication])}::jsonb`);
  }
  const rows = await query.execute();
  const out: CohortSession[] = [];
  for (const r of rows) {
    if (!r.discharged_at) continue;
    if (q.ageBand && ageBand(r.date_of_birth, r.discharged_at.toISOString().slice(0, 10)) !== q.ageBand)
      continue;
    out.push({
      id: r.id,
      patientId: r.patient_id,
      dischargedAt: r.discharged_at,
      indications: r.indications ?? [],
    });
  }
  return out;
}

/** Splits ids into chunks small enough for one `in (...)` list. */
export function chunked<T>(items: readonly T[], size = 2000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
