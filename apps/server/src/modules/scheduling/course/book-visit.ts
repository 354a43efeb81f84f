/**
 * Books one dosing visit of a course inside the caller's transaction: checks the chair (this clinic's, active,
 * of the kind the visit needs) and clinician (this clinic's staff who run appointments), takes the length and
 * buffer from the dosing type settings and the protocol, refuses an overlap with 409 `conflict` naming the
 * item's field, the chair or clinician and the clashing time (the exclusion constraints are the backstop under
 * concurrency), inserts, and writes the 'booked' event and the audit entry. Writes to one chair or clinician
 * queue on transaction-level advisory locks taken in one order.
 */
import type { Appointment } from '@plasticity/contracts';
import { type DB, toJson } from '@plasticity/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import { AppError, badField } from '../../../platform/errors.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import { stamp } from '../../../platform/time-format.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { confirmationOf } from '../confirmations/confirmation-view.ts';
import type { DosingVisit } from './course-plan.ts';
import { assertClinician, findClash } from './course-resources.ts';

type Row = Selectable<DB['appointments']>;

export interface VisitInput {
  clinicId: string;
  patientId: string;
  start: Date;
  durationMin?: number;
  chairId?: string;
  clinicianId?: string;
  protocolId: string;
  planId: string;
  courseId: string;
  courseIndex: number;
  createdBy: string | null;
  timeZone: string;
}

const overlapRefused = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && e.code === '23P01';

export async function bookVisit(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  actor: AuditActor,
  visit: DosingVisit,
  input: VisitInput,
  field: string,
): Promise<Row> {
  let chairName: string | null = null;
  if (input.chairId) {
    const chair = await trx
      .selectFrom('chairs')
      .select(['name', 'kind', 'active'])
      .where('clinic_id', '=', input.clinicId)
      .where('id', '=', input.chairId)
      .executeTakeFirst();
    if (!chair)
      throw new AppError('not_found', 'chair not found', [
        { field: `${field}.chairId`, message: 'no such chair in this clinic' },
      ]);
    if (!chair.active) throw badField(`${field}.chairId`, `${chair.name} is not in use`);
    if (chair.kind !== visit.chairKind)
      throw badField(`${field}.chairId`, `${chair.name} is not the kind of chair or room this visit needs`);
    chairName = chair.name;
  }
  if (input.clinicianId) await assertClinician(trx, input.clinicId, input.clinicianId);
  const minutes = input.durationMin ?? visit.durationMin;
  const end = new Date(input.start.getTime() + minutes * 60_000);
  const heldUntil = new Date(end.getTime() + visit.bufferMin * 60_000);
  for (const id of [input.chairId, input.clinicianId].filter((x): x is string => !!x).sort())
    await sql`select pg_advisory_xact_lock(hashtext(${`appointment-resource:${id}`}))`.execute(trx);
  const slot = {
    chairId: input.chairId ?? null,
    clinicianId: input.clinicianId ?? null,
    start: input.start,
    heldUntil,
  };
  const clash = await findClash(trx, input.clinicId, slot);
  if (clash) {
    const what =
      input.chairId && clash.chair_id === input.chairId ? (chairName ?? 'the chair') : 'the clinician';
    const when = `${stamp(clash.start_at, input.timeZone)}–${stamp(clash.end_at, input.timeZone).slice(11)}`;
    throw new AppError('conflict', `${field}: ${what} is booked at ${when}`, [
      { field, message: `${what} is booked at ${when}` },
    ]);
  }
  const now = ctx.clock.now();
  let row: Row;
  try {
    row = await trx
      .insertInto('appointments')
      .values({
        clinic_id: input.clinicId,
        patient_id: input.patientId,
        type: 'dosing',
        start_at: input.start,
        end_at: end,
        held_until: heldUntil,
        chair_id: slot.chairId,
        clinician_id: slot.clinicianId,
        protocol_id: input.protocolId,
        plan_id: input.planId,
        course_id: input.courseId,
        course_index: input.courseIndex,
        booked_via: 'staff',
        created_by: input.createdBy,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (e) {
    if (!overlapRefused(e)) throw e;
    throw new AppError('conflict', `${field}: the chair or clinician was booked at that time meanwhile`, [
      { field, message: 'the chair or clinician was booked at that time meanwhile' },
    ]);
  }
  await trx
    .insertInto('appointment_events')
    .values({
      clinic_id: input.clinicId,
      appointment_id: row.id,
      at: now,
      action: 'booked',
      actor_user_id: input.createdBy,
      actor_kind: 'user',
      details: toJson({
        start: input.start.toISOString(),
        end: end.toISOString(),
        courseIndex: input.courseIndex,
      }),
    })
    .execute();
  await ctx.audit.record(trx, actor, {
    action: 'create',
    resourceType: 'appointment',
    resourceId: row.id,
    patientId: input.patientId,
    category: 'scheduling',
    details: { type: 'dosing', chairId: row.chair_id, clinicianId: row.clinician_id, via: 'staff' },
  });
  return row;
}

/** The booked visits as the API shows appointments. */
export async function courseVisitsView(
  db: Kysely<DB>,
  clinicId: string,
  planStatus: string,
  rows: Row[],
): Promise<Appointment[]> {
  if (rows.length === 0) return [];
  const first = rows[0] as Row;
  const patient = await db
    .selectFrom('patients')
    .select(['first_name', 'last_name'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', first.patient_id)
    .executeTakeFirstOrThrow();
  const chairIds = rows.flatMap((r) => (r.chair_id ? [r.chair_id] : []));
  const userIds = rows.flatMap((r) => (r.clinician_id ? [r.clinician_id] : []));
  const chairs = chairIds.length
    ? await db.selectFrom('chairs').select(['id', 'name']).where('id', 'in', chairIds).execute()
    : [];
  const users = userIds.length
    ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()
    : [];
  const chairName = new Map(chairs.map((c) => [c.id, c.name]));
  const userName = new Map(users.map((u) => [u.id, u.display_name]));
  const planState = planStatus === 'draft' ? 'pending' : 'approved';
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    patientName: `${patient.first_name} ${patient.last_name}`,
    type: r.type,
    typeLabel: 'Dosing visit',
    status: r.status,
    start: r.start_at.toISOString(),
    end: r.end_at.toISOString(),
    heldUntil: r.held_until.toISOString(),
    durationMin: Math.round((r.end_at.getTime() - r.start_at.getTime()) / 60_000),
    chairId: r.chair_id,
    chairName: r.chair_id ? (chairName.get(r.chair_id) ?? null) : null,
    clinicianId: r.clinician_id,
    clinicianName: r.clinician_id ? (userName.get(r.clinician_id) ?? null) : null,
    protocolId: r.protocol_id,
    planId: r.plan_id,
    planState,
    courseId: r.course_id,
    courseIndex: r.course_index,
    sessionId: r.session_id,
    notes: r.notes,
    bookedVia: r.booked_via,
    statusReason: r.status_reason,
    confirmation: confirmationOf(r),
    flags: [],
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }));
}
