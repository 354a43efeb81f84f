/**
 * The confirmation requests before each dosing visit: once 48 hours before and once 24 hours before, through
 * the outbox (SMTP when configured), to the patient's email. Each goes exactly once: the job claims
 * `appointment_reminders (appointment, kind)` with `on conflict do nothing` in the same transaction as the
 * enqueue, so two server processes never both send it; a visit moved after a request was queued gets that
 * request again for its new time (the row is claimed anew under the same condition). A visit already within 24 hours gets only the 24-hour
 * request. Patients without an email get nothing and nothing is recorded (the day list shows them
 * unconfirmed).
 *
 * The message carries the first name, the time in the clinic's zone and the link only — no last name, no
 * drug, no protocol — and a calendar file ("Visit at <clinic>", the clinic's address). The link (single use,
 * expiring at the visit's start) is included while the visit is unconfirmed; a confirmed visit's 24-hour
 * message is a plain reminder.
 */
import { type DB, toJson } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { buildIcs } from '../../../platform/ics.ts';
import type { OutboxMessage } from '../../../platform/mailer.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import { stamp } from '../../../platform/time-format.ts';
import { addressLine } from '../../clinic/clinic-settings.ts';
import { createConfirmationLink } from './confirmation-link.ts';

const HOUR_MS = 3_600_000;
/** How far ahead each request goes (hours before the visit's start). */
export const REMINDER_HOURS = { '48h': 48, '24h': 24 } as const;
export type ReminderKind = keyof typeof REMINDER_HOURS;

export interface Due {
  id: string;
  clinic_id: string;
  start_at: Date;
  end_at: Date;
  confirmed_at: Date | null;
  reschedule_requested_at: Date | null;
  first_name: string;
  email: string | null;
  clinic_name: string;
  address: unknown;
  time_zone: string;
}

/** Which request is due for a visit starting at `start` (null: none yet, or it has started). */
export function dueKind(start: Date, now: Date): ReminderKind | null {
  const ms = start.getTime() - now.getTime();
  if (ms <= 0) return null;
  if (ms <= REMINDER_HOURS['24h'] * HOUR_MS) return '24h';
  if (ms <= REMINDER_HOURS['48h'] * HOUR_MS) return '48h';
  return null;
}

function message(
  ctx: ModuleContext,
  a: Due,
  link: { id: string; template: string } | null,
  sequence: number,
): OutboxMessage {
  const when = stamp(a.start_at, a.time_zone);
  const ask = link
    ? `Please confirm your visit, your escort home and how to prepare here (the link works once):\n${link.template}\n`
    : 'Thank you for confirming. Call the clinic if anything changes.\n';
  const location = addressLine(a.address);
  const ics = buildIcs({
    uid: `appointment-${a.id}@plasticity`,
    sequence,
    method: 'PUBLISH',
    start: a.start_at,
    end: a.end_at,
    summary: `Visit at ${a.clinic_name}`,
    ...(location ? { location } : {}),
    stamp: ctx.clock.now(),
  });
  return {
    clinicId: a.clinic_id,
    recipient: a.email ?? '',
    kind: 'appointment_confirmation',
    subject: `${a.clinic_name}: your visit on ${when}`,
    body: `Hello ${a.first_name},\n\nYour visit at ${a.clinic_name} is on ${when}.\n\n${ask}`,
    ...(link ? { link: { kind: 'appointment_confirmation' as const, id: link.id } } : {}),
    attachments: [
      { filename: 'visit.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics },
    ],
  };
}

/** Whether the visit was moved after `since` (a reminder's `created_at`). */
const movedSince = (appointmentRef: string, sinceRef: string) =>
  sql<boolean>`exists (select 1 from appointment_events e where e.appointment_id = ${sql.ref(appointmentRef)}
    and e.action = 'rescheduled' and e.at > ${sql.ref(sinceRef)})`;

/** Claims and queues one request (again, for a visit moved since it was queued); false when another process (or an earlier run) already did. */
async function queueOne(trx: Kysely<DB>, ctx: ModuleContext, a: Due, kind: ReminderKind): Promise<boolean> {
  const claimed = await trx
    .insertInto('appointment_reminders')
    .values({ appointment_id: a.id, kind, clinic_id: a.clinic_id, created_at: ctx.clock.now() })
    .onConflict((oc) => oc.columns(['appointment_id', 'kind']).doNothing())
    .returning('appointment_id')
    .executeTakeFirst();
  const reclaimed = claimed
    ? true
    : await trx
        .updateTable('appointment_reminders')
        .set({ created_at: ctx.clock.now(), outbox_id: null })
        .where('appointment_id', '=', a.id)
        .where('kind', '=', kind)
        .where(movedSince('appointment_reminders.appointment_id', 'appointment_reminders.created_at'))
        .returning('appointment_id')
        .executeTakeFirst();
  if (!reclaimed) return false;
  const outboxId = await queueRequest(trx, ctx, a, { kind }, { kind: 'system', userId: null });
  await trx
    .updateTable('appointment_reminders')
    .set({ outbox_id: outboxId })
    .where('appointment_id', '=', a.id)
    .where('kind', '=', kind)
    .execute();
  return true;
}

/**
 * Queues one confirmation request for a visit (the link while it is unconfirmed, the calendar file) and records
 * it in the visit's history; returns the outbox message's id. The job's 48 h and 24 h requests and the front
 * desk's "send again" both come here.
 */
export async function queueRequest(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  a: Due,
  details: Record<string, string>,
  actor: { kind: 'system' | 'user'; userId: string | null },
): Promise<string> {
  const unconfirmed = !a.confirmed_at && !a.reschedule_requested_at;
  const link = unconfirmed
    ? await createConfirmationLink(trx, ctx, {
        clinicId: a.clinic_id,
        appointmentId: a.id,
        expiresAt: a.start_at,
      })
    : null;
  // The calendar file's revision: one more for every move, so calendars replace the earlier copy.
  const moves = await trx
    .selectFrom('appointment_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('clinic_id', '=', a.clinic_id)
    .where('appointment_id', '=', a.id)
    .where('action', '=', 'rescheduled')
    .executeTakeFirstOrThrow();
  const outboxId = await ctx.mailer.enqueue(trx, message(ctx, a, link, Number(moves.n)));
  await trx
    .insertInto('appointment_events')
    .values({
      clinic_id: a.clinic_id,
      appointment_id: a.id,
      at: ctx.clock.now(),
      action: 'confirmation_requested',
      actor_kind: actor.kind,
      actor_user_id: actor.userId,
      details: toJson({ ...details, link: link !== null }),
    })
    .execute();
  return outboxId;
}

/** Visits with what a request needs: the patient's first name and email, the clinic's name, address and zone. */
export function selectDue(db: Kysely<DB>) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', (j) =>
      j.onRef('p.id', '=', 'a.patient_id').onRef('p.clinic_id', '=', 'a.clinic_id'),
    )
    .innerJoin('clinics as c', 'c.id', 'a.clinic_id')
    .select([
      'a.id',
      'a.clinic_id',
      'a.start_at',
      'a.end_at',
      'a.confirmed_at',
      'a.reschedule_requested_at',
      'p.first_name',
      'p.email',
      'c.name as clinic_name',
      'c.address',
      'c.time_zone',
    ]);
}

/**
 * One pass over the booked dosing visits of the next 48 hours (every clinic's, or one clinic's when
 * `clinicId` is given); returns the requests queued.
 */
export async function queueConfirmationRequests(ctx: ModuleContext, clinicId?: string): Promise<number> {
  const now = ctx.clock.now();
  const due = await selectDue(ctx.db)
    .$if(clinicId !== undefined, (q) => q.where('a.clinic_id', '=', clinicId ?? ''))
    .where('a.type', '=', 'dosing')
    .where('a.status', '=', 'booked')
    .where('a.start_at', '>', now)
    .where('a.start_at', '<=', new Date(now.getTime() + REMINDER_HOURS['48h'] * HOUR_MS))
    .where('p.email', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('appointment_reminders as r')
            .select('r.appointment_id')
            .whereRef('r.appointment_id', '=', 'a.id')
            // A request queued before the visit was moved does not count: the new time gets its own.
            .where(sql<boolean>`not ${movedSince('r.appointment_id', 'r.created_at')}`)
            // The request due now was queued already: the 24-hour one, or the 48-hour one while it is due.
            .where((w) =>
              w.or([
                w('r.kind', '=', '24h'),
                w.and([
                  w('r.kind', '=', '48h'),
                  w('a.start_at', '>', new Date(now.getTime() + REMINDER_HOURS['24h'] * HOUR_MS)),
                ]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('a.start_at')
    .limit(500)
    .execute();
  let queued = 0;
  for (const a of due) {
    const kind = dueKind(a.start_at, now);
    if (!kind) continue;
    const done = await ctx.db.transaction().execute((trx) => queueOne(trx, ctx, a, kind));
    if (done) queued++;
  }
  return queued;
}
