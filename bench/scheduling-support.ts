/**
 * The scheduling benchmark's clinic and floor (see scheduling.bench.ts): five years of history for 20 chairs and
 * 30 clinicians inserted in one statement per year, and the week view's floor — a bare HTTP server answering
 * one prepared statement.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { type Database, toJson } from '@plasticity/db';
import { sql } from 'kysely';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.ts';

const YEARS = Number(process.env.BENCH_YEARS ?? 5);
export const PASSWORD = 'bench-scheduling-password';
export const DAY = 86_400_000;
const CHAIRS = 20;
const CLINICIANS = 30;
const PATIENTS = 3000;
/** Local start hours of the four visits a chair holds each day, every day of the week (UTC in the bench clinic). */
const SLOTS = [8, 10.5, 13, 15.5];

export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
};
export const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

export interface Seeded {
  clinicId: string;
  adminEmail: string;
  chairIds: string[];
  patientIds: string[];
  count: number;
  insertMs: number;
}

export async function seed(database: Database): Promise<Seeded> {
  const db = database.db;
  const clinic = await db
    .insertInto('clinics')
    .values({ name: 'Bench Clinic', address: toJson({}), settings: toJson({ mfaRequiredRoles: [] }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hash = await hashPassword(PASSWORD);
  const adminEmail = `bench-admin-${randomUUID().slice(0, 8)}@bench.example`;
  const admin = await db
    .insertInto('users')
    .values({
      email: adminEmail,
      display_name: 'Bench Admin',
      password_hash: hash,
      recovery_codes: toJson([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ clinic_id: clinic.id, user_id: admin.id, role: 'admin' })
    .execute();
  const clinicianIds: string[] = [];
  for (let i = 0; i < CLINICIANS; i++) {
    const u = await db
      .insertInto('users')
      .values({
        email: `clinician${i}-${randomUUID().slice(0, 6)}@bench.example`,
        display_name: `Clinician ${i + 1}`,
        password_hash: null,
        recovery_codes: toJson([]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({
        clinic_id: clinic.id,
        user_id: u.id,
        role: i % 3 === 2 ? 'therapist' : i % 3 ? 'nurse' : 'prescriber',
      })
      .execute();
    clinicianIds.push(u.id);
  }
  const chairIds: string[] = [];
  for (let i = 0; i < CHAIRS; i++) {
    const c = await db
      .insertInto('chairs')
      .values({ clinic_id: clinic.id, name: `Chair ${i + 1}`, kind: 'infusion_chair', sort_order: i })
      .returning('id')
      .executeTakeFirstOrThrow();
    chairIds.push(c.id);
  }
  const patientIds: string[] = [];
  for (let i = 0; i < PATIENTS; i += 500) {
    const rows = await db
      .insertInto('patients')
      .values(
        Array.from({ length: Math.min(500, PATIENTS - i) }, (_, k) => ({
          clinic_id: clinic.id,
          mrn: `B${String(i + k).padStart(6, '0')}`,
          first_name: `Pat${i + k}`,
          last_name: 'Bench',
          date_of_birth: '1980-01-01',
          sex: 'unknown',
        })),
      )
      .returning('id')
      .execute();
    patientIds.push(...rows.map((r) => r.id));
  }
  // The history ends two weeks from now: past years, this week and the booked weeks ahead.
  const end = new Date(Math.floor(Date.now() / DAY) * DAY + 14 * DAY);
  const days = Math.round(YEARS * 365.25);
  const t0 = process.hrtime.bigint();
  for (let y = 0; y < Math.ceil(days / 365); y++) {
    const first = y * 365;
    const last = Math.min(days, first + 365) - 1;
    // Chair c at slot s of day d: clinician (c + 7s + d) mod 30 — distinct among the 20 chairs of one slot.
    await sql`
      insert into appointments (clinic_id, patient_id, type, status, start_at, end_at, held_until, chair_id,
                                clinician_id, protocol_id, created_at, updated_at)
      select ${clinic.id}::uuid,
             (${patientIds}::uuid[])[1 + ((d * 131 + c * 17 + s * 7) % ${PATIENTS})],
             'dosing',
             case when (d + c + s) % 20 = 0 then 'cancelled' else 'completed' end,
             t, t + interval '110 minutes', t + interval '125 minutes',
             (${chairIds}::uuid[])[1 + c],
             (${clinicianIds}::uuid[])[1 + ((c + 7 * s + d) % ${CLINICIANS})],
             'default-iv-ketamine-trd', t - interval '7 days', t - interval '7 days'
        from generate_series(${first}::int, ${last}::int) d,
             generate_series(0, ${CHAIRS - 1}) c,
             generate_series(0, ${SLOTS.length - 1}) s,
             lateral (select ${end}::timestamptz - make_interval(days => ${days} - d)
                             + make_interval(mins => (array[${sql.join(SLOTS.map((h) => h * 60))}])[1 + s]::int)) as x(t)`.execute(
      db,
    );
  }
  const insertMs = ms(t0);
  // Statistics as autovacuum keeps them on a running server (the planner needs the patients, chairs and users too).
  await sql`analyze`.execute(db);
  const count = Number(
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from appointments where clinic_id = ${clinic.id}`.execute(db)
    ).rows[0]?.n,
  );
  return { clinicId: clinic.id, adminEmail, chairIds, patientIds, count, insertMs };
}

/**
 * The cheapest correct program for the week view: a bare HTTP server answering one prepared statement with the
 * same joins as JSON, asked by the same client over the same loopback. Returns the fetch and a stop function.
 */
export async function weekFloor(database: Database, clinicId: string) {
  const rowsOf = (from: Date, to: Date) =>
    sql<Record<string, unknown>>`-- prepare:bench_week_floor
      select a.id, a.patient_id, p.first_name, p.last_name, a.type, a.status, a.start_at, a.end_at,
             a.held_until, a.chair_id, c.name as chair_name, a.clinician_id, u.display_name as clinician_name,
             a.protocol_id, a.plan_id, tp.status as plan_status, a.course_id, a.course_index, a.session_id,
             a.notes, a.booked_via, a.status_reason, a.confirmed_at, a.escort_name, a.escort_phone,
             a.fasting_confirmed, a.no_driving_confirmed, a.reschedule_requested_at, a.reschedule_note,
             a.created_at, a.updated_at
        from appointments a
        join patients p on p.id = a.patient_id and p.clinic_id = a.clinic_id
        left join chairs c on c.id = a.chair_id
        left join users u on u.id = a.clinician_id
        left join plan_treatment_plans tp on tp.id = a.plan_id
       where a.clinic_id = ${clinicId} and a.start_at < ${to} and a.end_at > ${from}
         and a.start_at >= ${new Date(from.getTime() - 600 * 60_000)} and a.status <> 'cancelled'
       order by a.start_at, a.id`.execute(database.db);
  const server = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://floor').searchParams;
    rowsOf(new Date(q.get('from') ?? ''), new Date(q.get('to') ?? '')).then(
      (r) => {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ items: r.rows }));
      },
      (e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const fetchWeek = async (from: Date, to: Date): Promise<{ t: number; n: number }> => {
    const t0 = process.hrtime.bigint();
    const r = await fetch(
      `http://127.0.0.1:${port}/?${new URLSearchParams({ from: from.toISOString(), to: to.toISOString() })}`,
    );
    const bytes = await r.arrayBuffer();
    const t = ms(t0);
    const n = (JSON.parse(new TextDecoder().decode(bytes)) as { items: unknown[] }).items.length;
    return { t, n };
  };
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { fetchWeek, stop };
}
