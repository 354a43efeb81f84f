/**
 * Booking one appointment inside the caller's transaction — shared by the staff booking, the course booking
 * (a series, all or nothing) and the patient's self-booking on the portal.
 *
 * Checks the patient, chair (this clinic's, active, of the kind the type needs), clinician (this clinic's
 * active staff in a role the type allows) and plan (this patient's); resolves the length (request, else the
 * type's setting, else for dosing the protocol's visit length) and the held time (end + the type's buffer);
 * inserts; writes the 'booked' event and the audit entry. Overlaps are left to the exclusion constraints:
 * the insert runs under a savepoint, so after a refusal the transaction is usable again and the clashing
 * appointment (committed, or booked earlier in the same series) is read and named in 409 `conflict`.
 * Writes to the same chair or clinician queue on transaction-level advisory locks taken in one order
 * (`lockResources`): without them, two bookings of one clinician in two chairs each wait on the other's
 * uncommitted row in the other constraint, a deadlock PostgreSQL breaks only after a second by failing one.
 */
import { drugRouteMismatch, type Protocol } from '@plasticity/clinical/protocols';
import type { AppointmentTypeKey, AppointmentTypeSettings } from '@plasticity/contracts';
import { type DB, toJson } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { AppError, badField } from '../../../platform/errors.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { lookupProtocol } from '../../sessions/shared/protocol-lookup.ts';
import { neededChairKind, typeSettings, visitMinutes } from './appointment-types.ts';
import { conflictError, exclusionViolation } from './conflicts.ts';
import type { AppointmentRow } from './load.ts';

export interface BookInput {
  clinicId: string;
  patientId: string;
  type: AppointmentTypeKey;
  start: Date;
  durationMin?: number;
  chairId?: string;
  clinicianId?: string;
  protocolId?: string;
  planId?: string;
  courseId?: string;
  courseIndex?: number;
  bookedVia: 'staff' | 'portal';
  notes?: string;
  createdBy: string | null;
}

type Db = Kysely<DB>;

/** The clinic's chair, active and of the kind `kind` (when one is needed). */
export async function checkChair(
  db: Db,
  clinicId: string,
  chairId: string,
  kind: string | null,
  field: string,
) {
  const chair = await db
    .selectFrom('chairs')
    .select(['id', 'name', 'kind', 'active'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', chairId)
    .executeTakeFirst();
  if (!chair)
    throw new AppError('not_found', 'chair not found', [{ field, message: 'no such chair in this clinic' }]);
  if (!chair.active) throw badField(field, `${chair.name} is not in use`);
  if (kind && chair.kind !== kind)
    throw badField(field, `${chair.name} is not the kind of chair or room this visit needs`);
  return chair;
}

/** The clinic's active staff member in a role the type allows. */
export async function checkClinician(
  db: Db,
  clinicId: string,
  userId: string,
  settings: AppointmentTypeSettings,
  field: string,
) {
  const m = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.display_name', 'u.active as user_active', 'm.active', 'm.role'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.user_id', '=', userId)
    .where('m.role', '<>', 'patient')
    .execute();
  if (m.length === 0)
    throw new AppError('not_found', 'clinician not found', [
      { field, message: 'no such staff member in this clinic' },
    ]);
  const roles: readonly string[] = settings.roles;
  const ok = m.some((x) => x.active && x.user_active && roles.includes(x.role));
  if (!ok)
    throw badField(
      field,
      `${m[0]?.display_name ?? 'this user'} may not run a ${settings.label.toLowerCase()}`,
    );
}

/** The plan (this patient's) and the protocol of the visit: the one named, else the plan's. */
async function planAndProtocol(db: Db, input: BookInput): Promise<{ protocol: Protocol | null }> {
  let planProtocolId: string | null = null;
  if (input.planId) {
    const plan = await db
      .selectFrom('plan_treatment_plans')
      .select(['protocol_id'])
      .where('clinic_id', '=', input.clinicId)
      .where('patient_id', '=', input.patientId)
      .where('id', '=', input.planId)
      .executeTakeFirst();
    if (!plan) throw badField('body.planId', "is not one of this patient's treatment plans");
    planProtocolId = plan.protocol_id;
  }
  if (input.protocolId) {
    const protocol = await lookupProtocol(db, input.clinicId, input.protocolId);
    if (!protocol) throw badField('body.protocolId', 'no such protocol');
    if (planProtocolId) {
      const planProtocol = await lookupProtocol(db, input.clinicId, planProtocolId);
      const mismatch = planProtocol && drugRouteMismatch('the plan', planProtocol, protocol);
      if (mismatch) throw badField('body.planId', mismatch);
    }
    return { protocol };
  }
  return { protocol: planProtocolId ? await lookupProtocol(db, input.clinicId, planProtocolId) : null };
}

export async function clinicTimeZone(db: Db, clinicId: string): Promise<string> {
  const c = await db.selectFrom('clinics').select('time_zone').where('id', '=', clinicId).executeTakeFirst();
  return c?.time_zone ?? 'UTC';
}

/**
 * Runs `write` (an insert or update of one appointment) under a savepoint; an overlap refused by the
 * database becomes 409 `conflict` naming the chair or clinician and the clashing appointment.
 */
export async function underSavepoint<T>(
  trx: Db,
  write: () => Promise<T>,
  attempt: Parameters<typeof conflictError>[3],
  fieldPrefix: string,
): Promise<T> {
  await sql`savepoint appointment_write`.execute(trx);
  try {
    await lockResources(trx, [attempt.chairId, attempt.clinicianId]);
    const out = await write();
    await sql`release savepoint appointment_write`.execute(trx);
    return out;
  } catch (err) {
    if ((err as { code?: unknown }).code === '40P01') {
      // A deadlock PostgreSQL broke by failing this transaction: two series booked at once, taking their
      // chairs' and clinicians' locks in different orders. The whole transaction rolls back.
      throw new AppError(
        'conflict',
        'another booking of the same chair or clinician was being made; try again',
        [{ field: `${fieldPrefix}.start`, message: 'was being booked by someone else at the same moment' }],
      );
    }
    const constraint = exclusionViolation(err);
    if (!constraint) throw err;
    await sql`rollback to savepoint appointment_write`.execute(trx);
    const tz = await clinicTimeZone(trx, attempt.clinicId);
    throw await conflictError(trx, tz, constraint, attempt, fieldPrefix);
  }
}

/** Queues writes to the same chairs and clinicians (ids are uuids, so one key space), in sorted order. */
export async function lockResources(trx: Db, ids: Array<string | null>): Promise<void> {
  const keys = [...new Set(ids.filter((x): x is string => !!x))].sort();
  for (const id of keys)
    await sql`select pg_advisory_xact_lock(hashtext(${`appointment-resource:${id}`}))`.execute(trx);
}

export async function bookInTrx(
  trx: Db,
  ctx: ModuleContext,
  actor: AuditActor,
  input: BookInput,
  opts: { field?: string } = {},
): Promise<AppointmentRow> {
  const prefix = opts.field ?? 'body';
  const patient = await trx
    .selectFrom('patients')
    .select('id')
    .where('clinic_id', '=', input.clinicId)
    .where('id', '=', input.patientId)
    .executeTakeFirst();
  if (!patient)
    throw new AppError('not_found', 'patient not found', [
      { field: 'body.patientId', message: 'no such patient in this clinic' },
    ]);
  const settings = await typeSettings(trx, input.clinicId, input.type);
  const { protocol } = await planAndProtocol(trx, input);
  const kind = neededChairKind(input.type, settings, protocol);
  if (input.chairId) await checkChair(trx, input.clinicId, input.chairId, kind, `${prefix}.chairId`);
  if (input.clinicianId)
    await checkClinician(trx, input.clinicId, input.clinicianId, settings, `${prefix}.clinicianId`);
  const minutes = visitMinutes(input.durationMin, settings, protocol);
  const end = new Date(input.start.getTime() + minutes * 60_000);
  const heldUntil = new Date(end.getTime() + settings.bufferMin * 60_000);
  const now = ctx.clock.now();
  const row = await underSavepoint(
    trx,
    () =>
      trx
        .insertInto('appointments')
        .values({
          clinic_id: input.clinicId,
          patient_id: input.patientId,
          type: input.type,
          start_at: input.start,
          end_at: end,
          held_until: heldUntil,
          chair_id: input.chairId ?? null,
          clinician_id: input.clinicianId ?? null,
          protocol_id: input.protocolId ?? null,
          plan_id: input.planId ?? null,
          course_id: input.courseId ?? null,
          course_index: input.courseIndex ?? null,
          notes: input.notes ?? null,
          booked_via: input.bookedVia,
          created_by: input.createdBy,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    {
      clinicId: input.clinicId,
      chairId: input.chairId ?? null,
      clinicianId: input.clinicianId ?? null,
      start: input.start,
      heldUntil,
    },
    prefix,
  );
  await trx
    .insertInto('appointment_events')
    .values({
      clinic_id: input.clinicId,
      appointment_id: row.id,
      at: now,
      action: 'booked',
      actor_user_id: input.createdBy,
      actor_kind: 'user',
      details: toJson({ start: input.start.toISOString(), end: end.toISOString() }),
    })
    .execute();
  await ctx.audit.record(trx, actor, {
    action: 'create',
    resourceType: 'appointment',
    resourceId: row.id,
    patientId: input.patientId,
    category: 'scheduling',
    details: { type: input.type, chairId: row.chair_id, clinicianId: row.clinician_id, via: input.bookedVia },
  });
  return row;
}
