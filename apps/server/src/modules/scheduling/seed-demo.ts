/**
 * Demo scheduling for Fresh Start Ketamine: four infusion chairs, a Spravato room and two therapy rooms;
 * the clinicians' weekly hours and one leave; and a week of appointments around today (the clinic's calendar
 * day, from ctx.clock) from `seed-demo-week.ts` — dosing visits in chairs with a nurse or the prescriber,
 * integration and therapy sessions in therapy rooms with the therapist, consultations, a follow-up, an
 * assessment and one cancellation. Each appointment holds its chair and clinician until its end plus the
 * type's buffer (`held_until`), with a dosing visit's length from the patient's protocol (prep +
 * administration + observation + recovery, `dosingVisitMinutes`), and has its 'booked' history entry.
 *
 * The sessions the sessions module seeded today (chairs "1"–"3", booked by chair number) are linked to the
 * chair records and get the checked-in appointment they came from. Visits are placed where chair, clinician
 * and patient are free (later in 30-minute steps otherwise), so the no-overlap constraints always hold.
 */

import { defaultIvKetamineProtocol, type Protocol } from '@plasticity/clinical/protocols';
import {
  type AppointmentTypeKey,
  addDays,
  chairKindFor,
  defaultAppointmentTypes,
  dosingVisitMinutes,
  instantToLocal,
  isoWeekday,
  localToInstant,
} from '@plasticity/clinical/scheduling';
import type { AppointmentStatus, ChairKind } from '@plasticity/contracts';
import { type DB, toJson } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../platform/module.ts';
import type { DemoSeedInfo } from '../../seed/demo.ts';
import { linkSessionsToChair } from './resources/chair-store.ts';
import { DEMO_HOURS, DEMO_ROLES, DEMO_WEEK, type DemoVisit } from './seed-demo-week.ts';

const MIN = 60_000;
const DAY = 86_400_000;

const CHAIRS: Array<{
  name: string;
  kind: ChairKind;
  sortOrder: number;
  deviceId: string | null;
}> = [
  ...[1, 2, 3, 4].map((n) => ({
    name: `Chair ${n}`,
    kind: 'infusion_chair' as const,
    sortOrder: n,
    deviceId: `DEMO-MON-000${n}`,
  })),
  { name: 'Spravato Room', kind: 'spravato_room', sortOrder: 10, deviceId: 'DEMO-MON-0010' },
  { name: 'Therapy Room A', kind: 'therapy_room', sortOrder: 20, deviceId: null },
  { name: 'Therapy Room B', kind: 'therapy_room', sortOrder: 21, deviceId: null },
];

interface Busy {
  key: string;
  start: number;
  end: number;
}

export async function seedSchedulingDemo(ctx: ModuleContext, info: DemoSeedInfo): Promise<void> {
  const now = ctx.clock.now();
  const clinicId = info.clinicId;
  const types = defaultAppointmentTypes();
  const frontDesk = info.userIds.front_desk ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    const { time_zone: tz } = await trx
      .selectFrom('clinics')
      .select('time_zone')
      .where('id', '=', clinicId)
      .executeTakeFirstOrThrow();
    const today = instantToLocal(now, tz).date;

    const chairs: Array<{ id: string; kind: ChairKind; name: string }> = [];
    for (const c of CHAIRS) {
      const row = await trx
        .insertInto('chairs')
        .values({
          clinic_id: clinicId,
          name: c.name,
          kind: c.kind,
          sort_order: c.sortOrder,
          device_id: c.deviceId,
          created_at: new Date(now.getTime() - 60 * DAY),
          updated_at: new Date(now.getTime() - 60 * DAY),
        })
        .returning(['id', 'kind', 'name'])
        .executeTakeFirstOrThrow();
      chairs.push(row);
      // The demo's sessions were booked by chair number ("1") before the chairs existed: "1" names "Chair 1".
      await linkSessionsToChair(trx, clinicId, row.id, c.name);
    }

    await seedHours(trx, info, today);

    const busy: Busy[] = [];
    const free = (key: string, start: number, end: number) =>
      !busy.some((b) => b.key === key && b.start < end && start < b.end);
    const insertAppointment = async (v: {
      patientId: string;
      type: AppointmentTypeKey;
      status: AppointmentStatus;
      start: number;
      end: number;
      heldUntil: number;
      chairId: string | null;
      clinicianId: string | null;
      protocolId: string | null;
      planId: string | null;
      sessionId?: string | null;
      reason?: string | null;
    }) => {
      const created = new Date(Math.min(now.getTime(), v.start) - 7 * DAY);
      const row = await trx
        .insertInto('appointments')
        .values({
          clinic_id: clinicId,
          patient_id: v.patientId,
          type: v.type,
          status: v.status,
          start_at: new Date(v.start),
          end_at: new Date(v.end),
          held_until: new Date(v.heldUntil),
          chair_id: v.chairId,
          clinician_id: v.clinicianId,
          protocol_id: v.protocolId,
          plan_id: v.planId,
          session_id: v.sessionId ?? null,
          status_reason: v.reason ?? null,
          status_changed_at: v.status === 'booked' ? null : new Date(Math.min(now.getTime(), v.start)),
          status_changed_by:
            v.status === 'booked'
              ? null
              : ((v.status === 'cancelled' ? frontDesk : info.userIds.nurse) ?? null),
          created_by: frontDesk,
          created_at: created,
          updated_at: created,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const events: Array<{
        action: string;
        at: Date;
        actor: string | null;
        details: Record<string, unknown>;
      }> = [{ action: 'booked', at: created, actor: frontDesk, details: {} }];
      if (v.status === 'cancelled')
        events.push({
          action: 'cancelled',
          at: new Date(Math.min(now.getTime(), v.start) - DAY),
          actor: frontDesk,
          details: { reason: v.reason ?? null },
        });
      if (v.status === 'checked_in' || v.status === 'completed')
        events.push({ action: 'checked_in', at: new Date(v.start), actor: frontDesk, details: {} });
      if (v.status === 'completed')
        events.push({ action: 'completed', at: new Date(v.end), actor: v.clinicianId, details: {} });
      await trx
        .insertInto('appointment_events')
        .values(
          events.map((e) => ({
            clinic_id: clinicId,
            appointment_id: row.id,
            at: e.at,
            action: e.action,
            actor_user_id: e.actor,
            details: toJson(e.details),
          })),
        )
        .execute();
      if (v.status !== 'cancelled') {
        if (v.chairId) busy.push({ key: v.chairId, start: v.start, end: v.heldUntil });
        if (v.clinicianId) busy.push({ key: v.clinicianId, start: v.start, end: v.heldUntil });
        busy.push({ key: v.patientId, start: v.start, end: v.heldUntil });
      }
      return row.id;
    };

    // Today's sessions already in chairs: the appointments they were checked in from.
    const iv = defaultIvKetamineProtocol();
    const sessions = await trx
      .selectFrom('dosing_sessions')
      .select(['id', 'patient_id', 'chair_id', 'scheduled_at', 'protocol_id', 'plan_id', 'protocol'])
      .where('clinic_id', '=', clinicId)
      .where('appointment_id', 'is', null)
      .where('chair_id', 'is not', null)
      .execute();
    for (const s of sessions) {
      const start = new Date(s.scheduled_at).getTime();
      const end = start + visitMinutes(s.protocol, types) * MIN;
      const heldUntil = end + types.dosing.bufferMin * MIN;
      if (!free(s.chair_id as string, start, heldUntil)) continue;
      const id = await insertAppointment({
        patientId: s.patient_id,
        type: 'dosing',
        status: 'checked_in',
        start,
        end,
        heldUntil,
        chairId: s.chair_id,
        clinicianId: null,
        protocolId: s.protocol_id,
        planId: s.plan_id,
        sessionId: s.id,
      });
      await trx
        .updateTable('dosing_sessions')
        .set({ appointment_id: id })
        .where('clinic_id', '=', clinicId)
        .where('id', '=', s.id)
        .execute();
    }

    const plans = await currentPlans(trx, clinicId);
    for (const v of DEMO_WEEK) {
      const patientId = info.patientIds[v.patient];
      if (!patientId) continue;
      const plan = plans.get(patientId) ?? null;
      const protocol = plan?.protocol ?? iv;
      const t = types[v.type];
      const minutes = v.type === 'dosing' ? visitMinutes(protocol, types) : (t.durationMin ?? 60);
      const kind = v.type === 'dosing' ? chairKindFor('dosing', protocol.route) : t.chairKind;
      const rooms = kind ? chairs.filter((c) => c.kind === kind).map((c) => c.id) : [null];
      const clinicians = DEMO_ROLES[v.type].map((r) => info.userIds[r]).filter((x): x is string => !!x);
      const base = localToInstant(visitDate(today, v), v.time, tz).getTime();
      let placed: { start: number; chairId: string | null; clinicianId: string } | null = null;
      for (let step = 0; step <= 8 && !placed; step++) {
        const start = base + step * 30 * MIN;
        const held = start + (minutes + t.bufferMin) * MIN;
        if (!free(patientId, start, held)) continue;
        const chairId = rooms.find((c) => c === null || free(c, start, held));
        const clinicianId = clinicians.find((u) => free(u, start, held));
        if (chairId !== undefined && clinicianId) placed = { start, chairId, clinicianId };
      }
      if (!placed) continue;
      const end = placed.start + minutes * MIN;
      await insertAppointment({
        patientId,
        type: v.type,
        status: statusOf(v, end, now),
        start: placed.start,
        end,
        heldUntil: end + t.bufferMin * MIN,
        chairId: placed.chairId,
        clinicianId: placed.clinicianId,
        protocolId: v.type === 'dosing' ? (plan?.protocolId ?? iv.id) : null,
        planId: v.type === 'dosing' ? (plan?.planId ?? null) : null,
        reason: v.cancelled ?? null,
      });
    }
  });
}

/** Chair minutes of a dosing visit with the product's prep and recovery (docs/clinical-sources.md#scheduling-defaults). */
function visitMinutes(protocol: Protocol, types: ReturnType<typeof defaultAppointmentTypes>): number {
  return dosingVisitMinutes(protocol, {
    prepMin: types.dosing.prepMin,
    recoveryMin: types.dosing.recoveryMin,
  }).minutes;
}

/**
 * The visit's date; on another day than today, a Sunday or a Saturday afternoon (the clinic is closed) moves
 * to the Monday after. Today's visits stay, so a demo opened on a weekend still has a day to show.
 */
function visitDate(today: string, v: DemoVisit): string {
  const date = addDays(today, v.day);
  if (v.day === 0) return date;
  const weekday = isoWeekday(date);
  if (weekday === 7) return addDays(date, 1);
  if (weekday === 6 && v.time >= '13:00') return addDays(date, 2);
  return date;
}

function statusOf(v: DemoVisit, end: number, now: Date): AppointmentStatus {
  if (v.cancelled) return 'cancelled';
  return end <= now.getTime() ? 'completed' : 'booked';
}

/** Each patient's newest plan that has not ended (draft, approved, active), with its protocol. */
async function currentPlans(
  trx: Kysely<DB>,
  clinicId: string,
): Promise<Map<string, { planId: string; protocolId: string; protocol: Protocol }>> {
  const rows = await trx
    .selectFrom('plan_treatment_plans as tp')
    .innerJoin('plan_protocols as pp', (j) =>
      j.onRef('pp.clinic_id', '=', 'tp.clinic_id').onRef('pp.id', '=', 'tp.protocol_id'),
    )
    .select(['tp.id', 'tp.patient_id', 'tp.protocol_id', 'pp.data'])
    .where('tp.clinic_id', '=', clinicId)
    .where('tp.status', 'in', ['draft', 'approved', 'active'])
    .where('tp.entered_in_error_at', 'is', null)
    .orderBy('tp.created_at')
    .execute();
  return new Map(
    rows.map((r) => [r.patient_id, { planId: r.id, protocolId: r.protocol_id, protocol: r.data }]),
  );
}

/** Weekly hours for the demo clinicians and the therapist's leave the week after next. */
async function seedHours(trx: Kysely<DB>, info: DemoSeedInfo, today: string): Promise<void> {
  for (const [role, hours] of Object.entries(DEMO_HOURS)) {
    const userId = info.userIds[role];
    if (!userId) continue;
    await trx
      .insertInto('clinician_hours')
      .values(
        hours.map(([weekday, start, end]) => ({
          clinic_id: info.clinicId,
          user_id: userId,
          weekday,
          start_time: start,
          end_time: end,
        })),
      )
      .execute();
  }
  const therapist = info.userIds.therapist;
  if (therapist)
    await trx
      .insertInto('clinician_exceptions')
      .values({
        clinic_id: info.clinicId,
        user_id: therapist,
        kind: 'leave',
        from_date: addDays(today, 9),
        to_date: addDays(today, 10),
        note: 'Training',
        created_by: info.userIds.admin ?? null,
      })
      .execute();
}
