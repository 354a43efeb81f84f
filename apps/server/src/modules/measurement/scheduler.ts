/**
 * Creates due measurement requests from schedules and sends reminders through the outbox.
 * Weekly requests are keyed by ISO week, monthly by calendar month (UTC), and
 * before-each-session requests by the session id (`requestBeforeSession`, for the dosing-session
 * module): the unique key (clinic, patient, instrument, due key) with `on conflict do nothing` makes
 * creation idempotent when several server processes run the timer. A patient's new requests share one
 * self-report link and one message, which carries only the first name and the link.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../platform/module.ts';
import { createLink, SELF_REPORT_LINK_HOURS } from './links.ts';

/** ISO 8601 week key, e.g. 2026-W48. */
export function isoWeekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const dueKey = (cadence: string, now: Date) =>
  cadence === 'weekly' ? isoWeekKey(now) : now.toISOString().slice(0, 7);

async function notify(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  clinicId: string,
  patientId: string,
  requestIds: string[],
  instruments: string[],
) {
  const patient = await trx
    .selectFrom('patients')
    .select(['first_name', 'email'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst();
  const clinic = await trx.selectFrom('clinics').select('name').where('id', '=', clinicId).executeTakeFirst();
  if (!patient || !clinic) return;
  const link = await createLink(trx, ctx, { clinicId, patientId, instruments, createdBy: null });
  await trx
    .updateTable('measurement_requests')
    .set({ link_id: link.id })
    .where('id', 'in', requestIds)
    .execute();
  if (!patient.email) return; // the request still shows in the portal under "My check-ins"
  await ctx.mailer.enqueue(trx, {
    clinicId,
    recipient: patient.email,
    kind: 'measurement_reminder',
    subject: `${clinic.name}: a short check-in`,
    body: `Hello ${patient.first_name},\n\n${clinic.name} asks you to answer a few short questions before your next visit:\n${link.template}\n\nThe link works once and expires in ${SELF_REPORT_LINK_HOURS} hours.\n`,
    link: { kind: 'self_report', id: link.id },
  });
}

/** One pass of the scheduler: returns the number of requests created. */
export async function runScheduler(ctx: ModuleContext): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const schedules = await trx
      .selectFrom('measurement_schedules')
      .select(['id', 'clinic_id', 'patient_id', 'instrument_id', 'cadence'])
      .where('active', '=', true)
      .where('cadence', 'in', ['weekly', 'monthly'])
      .execute();
    const created = new Map<
      string,
      { clinicId: string; patientId: string; ids: string[]; instruments: string[] }
    >();
    for (const s of schedules) {
      const row = await trx
        .insertInto('measurement_requests')
        .values({
          clinic_id: s.clinic_id,
          patient_id: s.patient_id,
          schedule_id: s.id,
          instrument_id: s.instrument_id,
          due_key: dueKey(s.cadence, now),
          due_at: now,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['clinic_id', 'patient_id', 'instrument_id', 'due_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) continue;
      const k = `${s.clinic_id}/${s.patient_id}`;
      const e = created.get(k) ?? {
        clinicId: s.clinic_id,
        patientId: s.patient_id,
        ids: [],
        instruments: [],
      };
      e.ids.push(row.id);
      e.instruments.push(s.instrument_id);
      created.set(k, e);
    }
    for (const e of created.values()) await notify(trx, ctx, e.clinicId, e.patientId, e.ids, e.instruments);
    return [...created.values()].reduce((n, e) => n + e.ids.length, 0);
  });
}

/** For the dosing-session module: request the patient's before-each-session instruments for one session. */
export async function requestBeforeSession(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  input: { clinicId: string; patientId: string; sessionId: string; sessionAt: Date },
) {
  const schedules = await trx
    .selectFrom('measurement_schedules')
    .select(['id', 'instrument_id'])
    .where('clinic_id', '=', input.clinicId)
    .where('patient_id', '=', input.patientId)
    .where('cadence', '=', 'before_each_session')
    .where('active', '=', true)
    .execute();
  const ids: string[] = [];
  const instruments: string[] = [];
  for (const s of schedules) {
    const row = await trx
      .insertInto('measurement_requests')
      .values({
        clinic_id: input.clinicId,
        patient_id: input.patientId,
        schedule_id: s.id,
        instrument_id: s.instrument_id,
        due_key: `session:${input.sessionId}`,
        due_at: input.sessionAt,
        created_at: ctx.clock.now(),
      })
      .onConflict((oc) => oc.columns(['clinic_id', 'patient_id', 'instrument_id', 'due_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) {
      ids.push(row.id);
      instruments.push(s.instrument_id);
    }
  }
  if (ids.length > 0) await notify(trx, ctx, input.clinicId, input.patientId, ids, instruments);
  return ids.length;
}
