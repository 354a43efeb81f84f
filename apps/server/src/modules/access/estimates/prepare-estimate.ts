/**
 * Checks an estimate request against the clinic's data and works out what is stored: the scheduled date and the
 * day the deadline runs from (the appointment's when given, in the clinic's zone), the deadline (45 CFR
 * 149.610(b)(1)(vi)), each line's provider as printed and the total (lines scheduled separately are listed, not
 * added). Bad input → 400 naming the field; nothing is written.
 */
import { estimateDeadline, latestPeriodEnd } from '@plasticity/clinical/estimates';
import { instantToLocal } from '@plasticity/clinical/scheduling';
import type { CreateEstimateRequest } from '@plasticity/contracts';
import type { DB, JsonText } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { badField } from '../../../platform/errors.ts';

type Body = z.output<typeof CreateEstimateRequest>;

interface Scope {
  clinicId: string;
  patientId: string;
  timeZone: string;
  today: string;
}

export interface PreparedLine {
  provider_user_id: string | null;
  provider_name: string;
  provider_npi: string | null;
  provider_tin: string | null;
  service_code: string;
  description: string;
  diagnosis_codes: JsonText<string[]>;
  quantity: number;
  unit_charge_cents: number;
  separate_scheduling: boolean;
}

export interface PreparedEstimate {
  scheduledOn: string | null;
  triggerOn: string;
  dueBy: string | null;
  totalCents: number;
  lines: PreparedLine[];
}

export async function prepareEstimate(
  trx: Transaction<DB> | Kysely<DB>,
  s: Scope,
  b: Body,
): Promise<PreparedEstimate> {
  if (b.periodTo < b.periodFrom)
    throw badField('body.periodTo', 'must not be before the start of the period');
  if (b.periodTo > latestPeriodEnd(b.periodFrom))
    throw badField('body.periodTo', 'an estimate covers at most 12 months');

  let scheduledOn = b.scheduledOn ?? null;
  let bookedOn: string | null = null;
  if (b.appointmentId) {
    const appt = await trx
      .selectFrom('appointments')
      .select(['start_at', 'created_at'])
      .where('clinic_id', '=', s.clinicId)
      .where('patient_id', '=', s.patientId)
      .where('id', '=', b.appointmentId)
      .executeTakeFirst();
    if (!appt) throw badField('body.appointmentId', 'is not an appointment of this patient');
    scheduledOn = instantToLocal(appt.start_at, s.timeZone).date;
    bookedOn = instantToLocal(appt.created_at, s.timeZone).date;
  }
  if (scheduledOn && (scheduledOn < b.periodFrom || scheduledOn > b.periodTo))
    throw badField(
      b.appointmentId ? 'body.appointmentId' : 'body.scheduledOn',
      'falls outside the estimate period',
    );

  let triggerOn: string;
  let dueBy: string | null;
  if (b.trigger === 'scheduled') {
    if (!scheduledOn) throw badField('body.scheduledOn', 'is required when the service is scheduled');
    triggerOn = bookedOn ?? s.today;
    dueBy = estimateDeadline({ kind: 'scheduled', scheduledOn: triggerOn, serviceOn: scheduledOn }).dueBy;
  } else {
    triggerOn = b.requestedOn ?? s.today;
    if (triggerOn > s.today) throw badField('body.requestedOn', 'must not be in the future');
    dueBy = estimateDeadline({ kind: 'requested', requestedOn: triggerOn }).dueBy;
  }

  const clinic = await trx
    .selectFrom('clinics')
    .select(['name', 'npi', 'tin'])
    .where('id', '=', s.clinicId)
    .executeTakeFirstOrThrow();
  const userIds = [...new Set(b.lines.flatMap((l) => (l.providerUserId ? [l.providerUserId] : [])))];
  const staff =
    userIds.length === 0
      ? []
      : await trx
          .selectFrom('users as u')
          .innerJoin('memberships as m', 'm.user_id', 'u.id')
          .select(['u.id', 'u.display_name'])
          .where('m.clinic_id', '=', s.clinicId)
          .where('m.role', 'in', ['prescriber', 'nurse', 'therapist'])
          .where('u.id', 'in', userIds)
          .execute();
  const lines = b.lines.map((l, i): PreparedLine => {
    let name = clinic.name;
    if (l.providerUserId) {
      const u = staff.find((x) => x.id === l.providerUserId);
      if (!u) throw badField(`body.lines.${i}.providerUserId`, 'is not a clinician of this clinic');
      name = u.display_name;
    }
    return {
      provider_user_id: l.providerUserId ?? null,
      provider_name: name,
      provider_npi: l.providerNpi ?? (l.providerUserId ? null : clinic.npi),
      provider_tin: l.providerTin ?? clinic.tin,
      service_code: l.serviceCode,
      description: l.description,
      diagnosis_codes: toJson(l.diagnosisCodes),
      quantity: l.quantity,
      unit_charge_cents: l.unitChargeCents,
      separate_scheduling: l.separateScheduling,
    };
  });
  const totalCents = lines
    .filter((l) => !l.separate_scheduling)
    .reduce((sum, l) => sum + l.quantity * l.unit_charge_cents, 0);
  if (totalCents > 2_000_000_000) throw badField('body.lines', 'the total is too large');
  return { scheduledOn, triggerOn, dueBy, totalCents, lines };
}
