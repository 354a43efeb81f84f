/**
 * Demo data for the integration care path: past dosing sessions, discharged, for three demo patients so the
 * therapist's worklist has one of each status whatever the hour the demo starts (times are offsets from now):
 * p8 discharged 28 h ago (due: the 24–72 h window is open), p4 discharged 100 h ago (overdue), p10 discharged 30 h
 * ago with an integration visit booked with the therapist tomorrow from 10:00, the first free hour (booked); and preparation records (intentions,
 * support person) for the portal patient, p8 and p10. The board's sessions in chairs 1–3 are not touched: these
 * sessions closed long ago, in chair 4, and the board shows closed sessions only for 30 minutes.
 */
import {
  defaultIntranasalEsketamineProtocol,
  defaultIvKetamineProtocol,
} from '@plasticity/clinical/protocols';
import { instantToLocal, localToInstant } from '@plasticity/clinical/scheduling';
import type { DB } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../platform/module.ts';
import type { DemoSeedInfo } from '../../seed/demo.ts';

const HOUR = 3_600_000;

interface PastSession {
  patient: string;
  dischargedHoursAgo: number;
  esketamine?: boolean;
}

const PAST: PastSession[] = [
  { patient: 'p8', dischargedHoursAgo: 28 },
  { patient: 'p4', dischargedHoursAgo: 100, esketamine: true },
  { patient: 'p10', dischargedHoursAgo: 30 },
];

const PREPARATIONS: Array<{
  patient: string;
  intentions: string;
  name: string;
  relationship: string;
  phone: string;
}> = [
  {
    patient: 'portal',
    intentions:
      'To understand why I shut down around my family, and to find my way back to the things I used to enjoy.',
    name: 'Jordan Alvarez',
    relationship: 'Sister',
    phone: '919-555-0182',
  },
  {
    patient: 'p8',
    intentions: 'To get through a week without the heaviness in the mornings, and to start walking again.',
    name: 'Sam Rivera',
    relationship: 'Partner',
    phone: '919-555-0131',
  },
  {
    patient: 'p10',
    intentions: 'To make peace with the accident and to sleep through the night.',
    name: 'Morgan Lee',
    relationship: 'Friend',
    phone: '919-555-0177',
  },
];

/**
 * The first hour from `from` on at which neither the therapist nor the room has a visit (the database's no-overlap
 * rule holds).
 */
async function freeHour(
  trx: Kysely<DB>,
  clinicId: string,
  therapistId: string,
  roomId: string | null,
  from: Date,
): Promise<Date> {
  const start = new Date(Math.ceil(from.getTime() / HOUR) * HOUR);
  for (let i = 0; i < 48; i++) {
    const at = new Date(start.getTime() + i * HOUR);
    const clash = await trx
      .selectFrom('appointments')
      .select('id')
      .where('clinic_id', '=', clinicId)
      .where((eb) =>
        roomId
          ? eb.or([eb('clinician_id', '=', therapistId), eb('chair_id', '=', roomId)])
          : eb('clinician_id', '=', therapistId),
      )
      .where('status', 'in', ['booked', 'checked_in', 'completed'])
      .where('start_at', '<', new Date(at.getTime() + HOUR + 10 * 60_000))
      .where('held_until', '>', at)
      .executeTakeFirst();
    if (!clash) return at;
  }
  return start;
}

export async function seedIntegrationDemo(ctx: ModuleContext, info: DemoSeedInfo): Promise<void> {
  const now = ctx.clock.now().getTime();
  const at = (hoursAgo: number, plusMin = 0) => new Date(now - hoursAgo * HOUR + plusMin * 60_000);
  const nurse = info.userIds.nurse ?? null;
  const therapist = info.userIds.therapist ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    for (const past of PAST) {
      const patientId = info.patientIds[past.patient];
      if (!patientId) continue;
      const p = past.esketamine ? defaultIntranasalEsketamineProtocol() : defaultIvKetamineProtocol();
      // Dosed 2.5 h before discharge (the IV infusion 40 min, observation after).
      const dose = at(past.dischargedHoursAgo, -150);
      const s = await trx
        .insertInto('dosing_sessions')
        .values({
          clinic_id: info.clinicId,
          patient_id: patientId,
          protocol_id: p.id,
          protocol_version: p.version,
          protocol: toJson(p),
          chair: past.esketamine ? 'Spravato Room' : '4',
          scheduled_at: at(past.dischargedHoursAgo, -170),
          status: 'discharged',
          dose_started_at: dose,
          discharged_at: at(past.dischargedHoursAgo),
          locked_at: at(past.dischargedHoursAgo),
          created_by: nurse,
          created_at: at(past.dischargedHoursAgo, -240),
          updated_at: at(past.dischargedHoursAgo),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('session_administrations')
        .values({
          clinic_id: info.clinicId,
          session_id: s.id,
          drug: p.drug,
          route: p.route,
          dose_mg: past.esketamine ? '56' : '35',
          dose_inputs: toJson(past.esketamine ? { devices: 2 } : { weightKg: 70, mgPerKg: 0.5 }),
          started_at: dose,
          stopped_at: past.esketamine ? null : new Date(dose.getTime() + 40 * 60_000),
          administered_by: nurse as string,
          recorded_at: dose,
          lot: 'DEMO-LOT-1',
        })
        .execute();
      await trx
        .insertInto('session_transitions')
        .values({
          clinic_id: info.clinicId,
          session_id: s.id,
          from_status: 'recovery',
          to_status: 'discharged',
          at: at(past.dischargedHoursAgo),
          by_user_id: nurse,
        })
        .execute();
    }

    const p10 = info.patientIds.p10;
    if (p10 && therapist) {
      const room = await trx
        .selectFrom('chairs')
        .select('id')
        .where('clinic_id', '=', info.clinicId)
        .where('kind', '=', 'therapy_room')
        .where('active', '=', true)
        .orderBy('sort_order')
        .executeTakeFirst();
      const roomId = room?.id ?? null;
      const clinic = await trx
        .selectFrom('clinics')
        .select('time_zone')
        .where('id', '=', info.clinicId)
        .executeTakeFirstOrThrow();
      const today = instantToLocal(new Date(now), clinic.time_zone).date;
      const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
      const start = await freeHour(
        trx,
        info.clinicId,
        therapist,
        roomId,
        localToInstant(tomorrow, '10:00', clinic.time_zone),
      );
      const appt = await trx
        .insertInto('appointments')
        .values({
          clinic_id: info.clinicId,
          patient_id: p10,
          type: 'integration',
          start_at: start,
          end_at: new Date(start.getTime() + HOUR),
          held_until: new Date(start.getTime() + HOUR + 10 * 60_000),
          clinician_id: therapist,
          chair_id: roomId,
          created_by: therapist,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('appointment_events')
        .values({
          clinic_id: info.clinicId,
          appointment_id: appt.id,
          action: 'booked',
          at: new Date(now - HOUR),
          actor_user_id: therapist,
          details: toJson({}),
        })
        .execute();
    }

    const prep = PREPARATIONS.flatMap((r) => {
      const patientId = info.patientIds[r.patient];
      return patientId
        ? [
            {
              clinic_id: info.clinicId,
              patient_id: patientId,
              intentions: r.intentions,
              support_name: r.name,
              support_relationship: r.relationship,
              support_phone: r.phone,
              recorded_by: therapist,
              recorded_at: at(24 * 12),
            },
          ]
        : [];
    });
    if (prep.length > 0) await trx.insertInto('preparation_records').values(prep).execute();
  });
}
