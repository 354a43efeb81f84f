/**
 * The front desk sends a visit's confirmation request again: queued at once with a fresh link (the older one
 * stops working), recorded in the visit's history; refused for visits that are not booked dosing visits
 * still to come, for a patient without an email, and for another clinic's visit.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { deliverMail, tokenIn } from '../../../test/mail.ts';
import { bookDosing } from './test-fixtures.ts';

describe.each(testBackends())('sending a confirmation request again on %s', (backend) => {
  const h = useTestApp(backend);

  it('queues a request with a new link that replaces the older one, and says so in the history', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const visit = await bookDosing(h, c, 100);
    const first = await desk.post(`/api/v1/appointments/${visit.id}/confirmation-request`);
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ queued: true, withLink: true });
    const [one] = await deliverMail(h, c.clinicId);
    const oldToken = tokenIn(one?.text ?? '', 'c');
    expect((await desk.post(`/api/v1/appointments/${visit.id}/confirmation-request`)).status).toBe(202);
    const [two] = await deliverMail(h, c.clinicId);
    const newToken = tokenIn(two?.text ?? '', 'c');
    expect(two?.attachments.map((f) => f.filename)).toEqual(['visit.ics']);
    const anon = c.anonymous();
    expect((await anon.get(`/api/v1/public/confirmations/${oldToken}`)).status).toBe(410);
    expect((await anon.get(`/api/v1/public/confirmations/${newToken}`)).status).toBe(200);
    const history = await desk.get(`/api/v1/appointments/${visit.id}/history`);
    expect(history.body.items.map((e: { summary: string }) => e.summary)).toContain(
      'Confirmation request sent by staff',
    );
  });

  it('refuses what it cannot send: not dosing, started, no email, another clinic', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const visit = await bookDosing(h, c, 30);
    await h.database.db.updateTable('patients').set({ email: null }).where('id', '=', c.patientId).execute();
    const noEmail = await desk.post(`/api/v1/appointments/${visit.id}/confirmation-request`);
    expect(noEmail.status).toBe(409);
    expect(noEmail.body.error.details[0].field).toBe('patient.email');
    const past = await bookDosing(h, c, -1);
    expect((await desk.post(`/api/v1/appointments/${past.id}/confirmation-request`)).status).toBe(409);
    const other = await h.newClinic();
    const theirs = await bookDosing(h, other, 30);
    expect((await desk.post(`/api/v1/appointments/${theirs.id}/confirmation-request`)).status).toBe(404);
    const therapist = await c.login('therapist');
    expect((await therapist.post(`/api/v1/appointments/${visit.id}/confirmation-request`)).status).toBe(403);
    const outbox = await h.database.db
      .selectFrom('outbox')
      .select('id')
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(outbox).toHaveLength(0);
  });
});
