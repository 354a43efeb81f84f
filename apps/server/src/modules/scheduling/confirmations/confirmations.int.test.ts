/**
 * Confirmations before each dosing visit: the 48-hour and 24-hour requests go once each through the outbox
 * with the first name, the time and a one-time link (and a calendar file); the patient's confirmation page
 * shows the visit and how to prepare, takes the escort and the confirmations once, and keeps the link usable
 * after bad input.
 */
import { toJson } from '@plasticity/db';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestClinic, useTestApp } from '../../../test/harness.ts';
import { deliverMail, tokenIn } from '../../../test/mail.ts';
import { queueConfirmationRequests } from './queue-confirmation-requests.ts';
import { bookDosing, HOUR } from './test-fixtures.ts';

const reminders = (h: TestApp, appointmentId: string) =>
  h.database.db
    .selectFrom('appointment_reminders')
    .select(['kind', 'outbox_id'])
    .where('appointment_id', '=', appointmentId)
    .orderBy('created_at')
    .execute();

const outboxOf = (h: TestApp, clinicId: string) =>
  h.database.db
    .selectFrom('outbox')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('kind', '=', 'appointment_confirmation')
    .orderBy('created_at')
    .execute();

async function patientLastName(h: TestApp, c: TestClinic) {
  const p = await h.database.db
    .selectFrom('patients')
    .select(['first_name', 'last_name'])
    .where('id', '=', c.patientId)
    .executeTakeFirstOrThrow();
  return p;
}

/** A live confirmation link of a new dosing visit, as the patient receives it. */
async function linkForVisit(h: TestApp, c: TestClinic, hoursAhead = 30) {
  const visit = await bookDosing(h, c, hoursAhead);
  expect(await queueConfirmationRequests(h.built.ctx, c.clinicId)).toBe(1);
  const mail = await deliverMail(h, c.clinicId);
  expect(mail).toHaveLength(1);
  return { visit, token: tokenIn(mail[0]?.text ?? '', 'c'), mail: mail[0] };
}

describe.each(testBackends())('confirmations before a dosing visit on %s', (backend) => {
  const h = useTestApp(backend);

  it('queues the 48-hour and the 24-hour request once each, and only the 24-hour one inside 24 hours', async () => {
    const c = await h.newClinic({ name: 'Maple Clinic' });
    const far = await bookDosing(h, c, 47);
    const near = await bookDosing(h, c, 23);
    const later = await bookDosing(h, c, 49);
    expect(await queueConfirmationRequests(h.built.ctx, c.clinicId)).toBe(2);
    expect(await queueConfirmationRequests(h.built.ctx, c.clinicId)).toBe(0);
    expect((await reminders(h, far.id)).map((r) => r.kind)).toEqual(['48h']);
    expect((await reminders(h, near.id)).map((r) => r.kind)).toEqual(['24h']);
    expect(await reminders(h, later.id)).toEqual([]);
    expect(await outboxOf(h, c.clinicId)).toHaveLength(2);
    const first = await deliverMail(h, c.clinicId);
    expect(first).toHaveLength(2);

    h.clock.advance(24 * HOUR + 60_000);
    expect(await queueConfirmationRequests(h.built.ctx, c.clinicId)).toBe(2); // far's 24 h, later's 48 h → 24 h
    expect(await queueConfirmationRequests(h.built.ctx, c.clinicId)).toBe(0);
    expect((await reminders(h, far.id)).map((r) => r.kind)).toEqual(['48h', '24h']);
    expect((await reminders(h, near.id)).map((r) => r.kind)).toEqual(['24h']);
    // `later` was 49 h ahead; now 25 h: its 48-hour request.
    expect((await reminders(h, later.id)).map((r) => r.kind)).toEqual(['48h']);
    const rows = await outboxOf(h, c.clinicId);
    expect(rows).toHaveLength(4);
    for (const r of await reminders(h, far.id)) expect(rows.map((x) => x.id)).toContain(r.outbox_id);
    // The newer link supersedes the older one of the same visit.
    const links = await h.database.db
      .selectFrom('appointment_confirmation_links')
      .select(['expires_at', 'used_at'])
      .where('appointment_id', '=', far.id)
      .orderBy('created_at')
      .execute();
    expect(links).toHaveLength(2);
    expect(links[0]?.expires_at.getTime()).toBeLessThanOrEqual(h.clock.now().getTime());
    expect(links[1]?.expires_at.getTime()).toBe(far.start.getTime());
  });

  it('carries the first name, the time in the clinic zone, the link and a calendar file — nothing else', async () => {
    const c = await h.newClinic({ name: 'Birch Clinic' });
    await h.database.db
      .updateTable('clinics')
      .set({
        address: toJson({
          line1: '12 Elm Street',
          city: 'Raleigh',
          state: 'NC',
          postalCode: '27601',
        }),
      })
      .where('id', '=', c.clinicId)
      .execute();
    const { visit, mail } = await linkForVisit(h, c);
    const p = await patientLastName(h, c);
    const text = `${mail?.subject}\n${mail?.text}`;
    expect(mail?.text).toContain(`Hello ${p.first_name},`);
    expect(text).not.toContain(p.last_name);
    expect(text).not.toMatch(/ketamine|esketamine|infusion|protocol|MRN/i);
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/New_York',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(visit.start)
      .replace(',', '');
    expect(text).toContain(local);
    expect(text).toMatch(/\/c\/[A-Za-z0-9_-]{40,}/);
    expect(mail?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['visit.ics', 'text/calendar; charset=utf-8; method=PUBLISH'],
    ]);
    const ics = mail?.attachments[0]?.content ?? '';
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('SUMMARY:Visit at Birch Clinic');
    expect(ics).toContain('LOCATION:12 Elm Street\\, Raleigh\\, NC 27601');
    expect(ics).toContain(
      `DTSTART:${visit.start
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')}`,
    );
    expect(ics).not.toContain(p.last_name);
    expect(ics).not.toMatch(/ketamine/i);
  });

  it('sends nothing to a patient without an email and records nothing', async () => {
    const c = await h.newClinic();
    await h.database.db.updateTable('patients').set({ email: null }).where('id', '=', c.patientId).execute();
    const v = await bookDosing(h, c, 30);
    expect(await queueConfirmationRequests(h.built.ctx, c.clinicId)).toBe(0);
    expect(await reminders(h, v.id)).toEqual([]);
    expect(await outboxOf(h, c.clinicId)).toEqual([]);
  });

  it('shows the visit without using the link, confirms once, and keeps the link after bad input', async () => {
    const c = await h.newClinic({ name: 'Cedar Clinic' });
    const { visit, token } = await linkForVisit(h, c);
    const anon = c.anonymous();
    const url = `/api/v1/public/confirmations/${token}`;
    for (let i = 0; i < 2; i++) {
      const view = await anon.get(url);
      expect(view.status).toBe(200);
      expect(view.body.firstName).toBe('Pat');
      expect(view.body.clinicName).toBe('Cedar Clinic');
      expect(view.body.start).toBe(visit.start.toISOString());
      expect(view.body.startText).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} E[SD]T$/);
      expect(view.body.typeLabel).toBe('Dosing visit');
      expect(view.body.instructions).toHaveLength(4);
      expect(view.body.fastingRule).toMatch(/no food/i);
      expect(view.body.instructions[0]).toMatch(/no food/i);
      expect(view.body.confirmation.status).toBe('unconfirmed');
      expect(JSON.stringify(view.body)).not.toMatch(/Portal\d|ketamine/i);
    }
    const bad = await anon.post(url, {
      action: 'confirm',
      escortName: 'Sam Rivera',
      escortPhone: 'call me',
      fastingConfirmed: true,
      noDrivingConfirmed: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toContain('body.escortPhone');
    const notAgreed = await anon.post(url, {
      action: 'confirm',
      escortName: 'Sam Rivera',
      escortPhone: '919-555-0101',
      fastingConfirmed: false,
      noDrivingConfirmed: true,
    });
    expect(notAgreed.status).toBe(400);

    const ok = await anon.post(url, {
      action: 'confirm',
      escortName: 'Sam Rivera',
      escortPhone: '919-555-0101',
      fastingConfirmed: true,
      noDrivingConfirmed: true,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.confirmation).toMatchObject({
      status: 'confirmed',
      escortName: 'Sam Rivera',
      escortPhone: '919-555-0101',
      fastingConfirmed: true,
      noDrivingConfirmed: true,
    });
    const again = await anon.post(url, { action: 'reschedule' });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('link_used');
    // The page can say whom to call: the clinic's phone (null when the clinic has none), nothing else.
    expect(Object.keys(again.body.error.details[0]).sort()).toEqual(['clinicPhone', 'message']);
    expect((await anon.get(url)).status).toBe(410);

    const row = await h.database.db
      .selectFrom('appointments')
      .selectAll()
      .where('id', '=', visit.id)
      .executeTakeFirstOrThrow();
    expect(row.escort_name).toBe('Sam Rivera');
    expect(row.confirmed_at?.getTime()).toBe(h.clock.now().getTime());
    const events = await h.database.db
      .selectFrom('appointment_events')
      .select(['action', 'actor_kind', 'actor_user_id'])
      .where('appointment_id', '=', visit.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.action, e.actor_kind])).toEqual([
      ['confirmation_requested', 'system'],
      ['confirmed', 'patient_link'],
    ]);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_type', 'role', 'user_id', 'patient_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', 'in', ['appointment', 'appointment_confirmation_link'])
      .orderBy('at')
      .execute();
    expect(audit.map((a) => [a.action, a.resource_type, a.role, a.user_id, a.patient_id]).sort()).toEqual([
      ['read', 'appointment_confirmation_link', 'patient', null, c.patientId],
      ['read', 'appointment_confirmation_link', 'patient', null, c.patientId],
      ['update', 'appointment', 'patient', null, c.patientId],
    ]);
  });

  it('takes a request to reschedule, and answers 410 once the visit has started and 404 for a guess', async () => {
    const c = await h.newClinic();
    const { visit, token } = await linkForVisit(h, c, 26);
    const anon = c.anonymous();
    const r = await anon.post(`/api/v1/public/confirmations/${token}`, {
      action: 'reschedule',
      note: 'Thursday would be better',
    });
    expect(r.status).toBe(200);
    expect(r.body.confirmation.status).toBe('reschedule_requested');
    expect(r.body.confirmation.rescheduleNote).toBe('Thursday would be better');

    const second = await linkForVisit(h, c, 40);
    h.clock.advance(41 * HOUR);
    const expired = await anon.get(`/api/v1/public/confirmations/${second.token}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('link_expired');
    expect((await anon.get(`/api/v1/public/confirmations/${'x'.repeat(43)}`)).status).toBe(404);
    expect(visit.id).toBeTruthy();
  });

  it('sends the 24-hour message of a confirmed visit as a reminder without a link', async () => {
    const c = await h.newClinic();
    const { visit, token } = await linkForVisit(h, c, 30);
    const ok = await c.anonymous().post(`/api/v1/public/confirmations/${token}`, {
      action: 'confirm',
      escortName: 'Sam Rivera',
      escortPhone: '919-555-0101',
      fastingConfirmed: true,
      noDrivingConfirmed: true,
    });
    expect(ok.status).toBe(200);
    h.clock.advance(7 * HOUR);
    expect(await queueConfirmationRequests(h.built.ctx, c.clinicId)).toBe(1);
    expect((await reminders(h, visit.id)).map((r) => r.kind)).toEqual(['48h', '24h']);
    const mail = await deliverMail(h, c.clinicId);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain('Thank you for confirming');
    expect(mail[0]?.text).not.toMatch(/\/c\//);
    expect(mail[0]?.attachments.map((f) => f.filename)).toEqual(['visit.ics']);
  });

  it('asks again for a visit moved after its request went', async () => {
    const c = await h.newClinic();
    const v = await bookDosing(h, c, 30);
    expect(await queueConfirmationRequests(h.built.ctx, c.clinicId)).toBe(1);
    h.clock.advance(60_000);
    const moved = new Date(v.start.getTime() + 10 * HOUR);
    await h.database.db
      .updateTable('appointments')
      .set({
        start_at: moved,
        end_at: new Date(moved.getTime() + 2 * HOUR),
        held_until: new Date(moved.getTime() + 2.25 * HOUR),
      })
      .where('id', '=', v.id)
      .execute();
    await h.database.db
      .insertInto('appointment_events')
      .values({ clinic_id: c.clinicId, appointment_id: v.id, at: h.clock.now(), action: 'rescheduled' })
      .execute();
    h.clock.advance(60_000);
    expect(await queueConfirmationRequests(h.built.ctx, c.clinicId)).toBe(1);
    expect(await queueConfirmationRequests(h.built.ctx, c.clinicId)).toBe(0);
    expect(await outboxOf(h, c.clinicId)).toHaveLength(2);
    const mail = await deliverMail(h, c.clinicId);
    // The first message's link was superseded: only the new one goes, with the new time and SEQUENCE 1.
    expect(mail).toHaveLength(1);
    expect(mail[0]?.attachments[0]?.content).toContain('SEQUENCE:1');
  });

  it("shows the patient's escort and fasting confirmation on the session's checklist without passing them", async () => {
    const c = await h.newClinic();
    const { token } = await linkForVisit(h, c, 30);
    const anon = c.anonymous();
    const ok = await anon.post(`/api/v1/public/confirmations/${token}`, {
      action: 'confirm',
      escortName: 'Sam Rivera',
      escortPhone: '919-555-0101',
      fastingConfirmed: true,
      noDrivingConfirmed: true,
    });
    expect(ok.status).toBe(200);
    const nurse = await c.login('nurse');
    const scheduledAt = new Date(h.clock.now().getTime() + 30 * HOUR).toISOString();
    const created = await nurse.post('/api/v1/sessions', {
      patientId: c.patientId,
      protocolId: 'default-iv-ketamine-trd',
      scheduledAt,
      chair: '1',
    });
    expect(created.status).toBe(201);
    const item = (key: string) =>
      (created.body.checklist as { key: string; passed: boolean; message: string; prefill?: unknown }[]).find(
        (i) => i.key === key,
      );
    expect(item('escort')?.passed).toBe(false);
    expect(item('escort')?.prefill).toMatchObject({ escortName: 'Sam Rivera', escortPhone: '919-555-0101' });
    expect(item('escort')?.message).toContain('the patient named Sam Rivera (919-555-0101) on');
    expect(item('fasting')?.passed).toBe(false);
    expect(item('fasting')?.message).toMatch(
      /confirmed by the patient on \d{4}-\d{2}-\d{2} \d{2}:\d{2} E[SD]T/,
    );
    expect(item('consents_valid')?.prefill).toBeUndefined();

    // A visit far from the session's time is another visit: nothing is taken from it.
    const other = await h.newClinic();
    const otherNurse = await other.login('nurse');
    const unrelated = await otherNurse.post('/api/v1/sessions', {
      patientId: other.patientId,
      protocolId: 'default-iv-ketamine-trd',
      scheduledAt,
      chair: '1',
    });
    expect((unrelated.body.checklist as { prefill?: unknown }[]).every((i) => i.prefill === undefined)).toBe(
      true,
    );
  });
});

// The started job works over every clinic of its database with this file's clock: on the embedded database
// only, private to this file (see health.int.test.ts).
describe('the confirmation job', () => {
  const h = useTestApp('pglite');

  it('runs with the server and queues each request once', async () => {
    const c = await h.newClinic();
    const v = await bookDosing(h, c, 30);
    h.built.start();
    for (let i = 0; i < 100 && (await reminders(h, v.id)).length === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await reminders(h, v.id)).map((r) => r.kind)).toEqual(['48h']);
    expect(await queueConfirmationRequests(h.built.ctx)).toBe(0);
    expect(await outboxOf(h, c.clinicId)).toHaveLength(1);
    const health = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json().jobs.map((j: { name: string }) => j.name)).toContain('appointment-confirmations');
  });
});
