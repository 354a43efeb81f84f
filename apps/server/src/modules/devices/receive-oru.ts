/**
 * One ORU^R01 from a bedside monitor, from text to ACK: parse (hl7/oru.ts), find the chair whose device id
 * is the message's device identifier (active chairs of any clinic; an identifier two clinics both hold is
 * refused rather than guessed), the one open dosing session in that chair (checked in to recovery, record
 * not locked), and store the readings through `ingestReadings` — the same path as the vitals API: exactly once
 * by the message control id (MSH-10, as the idempotency key `hl7:<MSH-10>`), thresholds, alerts, the live
 * board, and the audit entry, written for a system actor (no user; role `system`; the connection's address).
 *
 * The patient: when PID-3 names a medical record number (MR, or an identifier without a type; hl7/oru.ts
 * `recordNumbers`), one of them must be the MRN of the session's patient, else the message is refused and nothing
 * stored — readings meant for another patient never land in this one's record (HL7 v2.6 chapter 3, PID-3;
 * IHE PCD TF-2, PCD-01). A message with no PID or an empty PID-3 is taken: monitors often know no patient, and
 * the chair's session says who it is.
 *
 * ACK: AA when stored, and again for a resent message (same MSH-10 and content), which stores nothing new;
 * AE with a reason for an unknown device, no (or more than one) open session, a patient identifier that is not
 * the session patient's MRN, a reading out of range or in
 * the future, an MSH-10 reused with other observations, a locked record, or a failure to store (send again);
 * AR for a message that is not an ORU^R01 or cannot be read.
 */
import { sql } from 'kysely';
import { AppError } from '../../platform/errors.ts';
import { describeError } from '../../platform/jobs.ts';
import type { ModuleContext } from '../../platform/module.ts';
import type { AuditActor } from '../audit/audit-writer.ts';
import { firstFutureReading, ingestReadings } from '../sessions/vitals/ingest-readings.ts';
import { buildAck } from './hl7/ack.ts';
import { type Hl7Header, parseOru, type Refusal } from './hl7/oru.ts';

/** Sessions a monitor's readings may go to: the patient is in the clinic, the record open. */
const DEVICE_STATUSES = ['checked_in', 'pre_assessment', 'dosing', 'monitoring', 'recovery'] as const;

const ae = (errorCode: Refusal['errorCode'], reason: string): Refusal => ({ ack: 'AE', errorCode, reason });

/** Receives one message's text and answers the ACK's text; never throws. */
export async function receiveOru(
  ctx: ModuleContext,
  text: string,
  sourceAddress: string | null,
): Promise<string> {
  const parsed = parseOru(text, ctx.clock.now());
  if (!parsed.ok) return refused(ctx, parsed.header, parsed.refusal);
  const { header } = parsed;
  try {
    const answer = await store(ctx, parsed, sourceAddress);
    return 'reason' in answer ? refused(ctx, header, answer) : buildAck(header, answer);
  } catch (e) {
    ctx.log.error({ ...describeError(e), source: 'mllp' }, 'storing a monitor message failed');
    return refused(ctx, header, ae('207', 'the readings could not be stored; send the message again'));
  }
}

function refused(ctx: ModuleContext, header: Hl7Header | null, r: Refusal): string {
  ctx.log.warn({ source: 'mllp', ack: r.ack, errorCode: r.errorCode }, 'monitor message not stored');
  return buildAck(header, r);
}

async function store(
  ctx: ModuleContext,
  parsed: Extract<ReturnType<typeof parseOru>, { ok: true }>,
  sourceAddress: string | null,
): Promise<{ ack: 'AA'; text: string } | Refusal> {
  const { header, deviceId, patientMrns, readings } = parsed;
  if (readings.length === 0) return { ack: 'AA', text: 'no vital sign to store in this message' };
  // One statement (kept prepared): the active chairs holding the identifier, each with its open sessions.
  const found = await sql<{
    chair_id: string;
    clinic_id: string;
    session_id: string | null;
    patient_mrn: string | null;
  }>`-- prepare:device_session
    select c.id as chair_id, c.clinic_id, s.id as session_id, p.mrn as patient_mrn
      from chairs c
      left join dosing_sessions s on s.clinic_id = c.clinic_id and s.chair_id = c.id
       and s.status = any(${[...DEVICE_STATUSES]}::text[]) and s.locked_at is null
      left join patients p on p.clinic_id = s.clinic_id and p.id = s.patient_id
     where c.device_id = ${deviceId} and c.active`.execute(ctx.db);
  const chair = found.rows[0];
  if (!chair) return ae('204', 'unknown device: no chair in use has this device identifier');
  if (found.rows.some((r) => r.chair_id !== chair.chair_id))
    return ae('204', 'this device identifier is set on chairs of more than one clinic');
  const key = `hl7:${header.controlId}`;
  const [session, second] = found.rows.filter((r) => r.session_id !== null);
  if (!session) {
    // A message resent after its session closed was stored then: acknowledge it again.
    if (await storedBefore(ctx, chair, key)) return { ack: 'AA', text: 'already stored' };
    return ae('204', 'no open dosing session in the chair of this device');
  }
  if (second) return ae('207', 'more than one open dosing session in the chair of this device');
  if (!samePatient(patientMrns, session.patient_mrn))
    return ae('204', 'PID-3 names a patient who is not the patient in session in the chair of this device');
  if (firstFutureReading(readings, ctx.clock.now()) >= 0)
    return ae('102', 'an observation time is in the future');
  const actor: AuditActor = {
    clinicId: chair.clinic_id,
    userId: null,
    email: null,
    role: 'system',
    sourceAddress,
  };
  try {
    const out = await ingestReadings(ctx, {
      clinicId: chair.clinic_id,
      sessionId: session.session_id as string,
      actor,
      userId: null,
      idempotencyKey: key,
      readings,
      source: 'device',
      deviceId,
    });
    return {
      ack: 'AA',
      text: out.stored ? `stored ${readings.length} reading(s)` : 'already stored',
    };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code === 'not_found') return ae('204', 'no open dosing session in the chair of this device');
    if (e.details?.some((d) => d.field === 'body.idempotencyKey'))
      return ae('207', 'MSH-10 was already used for other observations');
    if (e.code === 'conflict') return ae('207', 'the session record is locked');
    throw e;
  }
}

/** True when the message names no MRN, or names the session patient's (compared without case or spaces around). */
function samePatient(mrns: string[], patientMrn: string | null): boolean {
  if (mrns.length === 0) return true;
  const own = patientMrn?.trim().toUpperCase();
  return own !== undefined && own !== '' && mrns.some((m) => m.toUpperCase() === own);
}

async function storedBefore(ctx: ModuleContext, chair: { chair_id: string; clinic_id: string }, key: string) {
  const row = await ctx.db
    .selectFrom('session_vitals_batches as b')
    .innerJoin('dosing_sessions as d', (j) =>
      j.onRef('d.clinic_id', '=', 'b.clinic_id').onRef('d.id', '=', 'b.session_id'),
    )
    .select('b.id')
    .where('b.clinic_id', '=', chair.clinic_id)
    .where('d.chair_id', '=', chair.chair_id)
    .where('b.idempotency_key', '=', key)
    .executeTakeFirst();
  return row !== undefined;
}
