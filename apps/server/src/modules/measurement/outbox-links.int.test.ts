/**
 * No one but its recipient ever holds a live one-time link: the outbox lists messages to every role
 * without a token or a link in any field; the token is minted only when a message is handed to its
 * reader (the mail sender, or the demo clinic's mailbox); a staff member who sends a patient forms never
 * gets a link they could complete, unless the clinic hands patients a clinic device, which is recorded.
 */
import type { Role } from '@plasticity/contracts';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../platform/tokens.ts';
import { type Client, type TestApp, type TestClinic, useTestApp, validPatient } from '../../test/harness.ts';
import { deliverMail, linkIn, tokenIn } from '../../test/mail.ts';
import { runScheduler } from './scheduler.ts';

const ROLES: Role[] = ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk', 'patient'];
const NEW_PASSWORD = 'lilac-tundra-orbit-1987';

/** Every string in a JSON value, keys included. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      strings(x, out);
    }
  return out;
}

/** The hashes of every link (invitation, reset, self-report) of the clinic, live or not. */
async function linkHashes(h: TestApp, clinicId: string): Promise<Set<string>> {
  const db = h.database.db;
  const a = await db
    .selectFrom('one_time_links')
    .select('token_hash')
    .where('clinic_id', '=', clinicId)
    .execute();
  const b = await db
    .selectFrom('self_report_links')
    .select('token_hash')
    .where('clinic_id', '=', clinicId)
    .execute();
  return new Set([...a, ...b].map((r) => r.token_hash));
}

/** Fails when anything in `body` looks like a link or a token, or is the token of one of the clinic's links. */
async function expectNoToken(h: TestApp, c: TestClinic, body: unknown, what: string) {
  const hashes = await linkHashes(h, c.clinicId);
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
  for (const s of strings(body).map((x) => x.replace(UUID, ' '))) {
    expect(s, `${what}: a link path`).not.toMatch(/\/(accept|r)\/|\{token\}/);
    expect(s, `${what}: a token-length run`).not.toMatch(/[A-Za-z0-9_-]{40,}/);
    for (const piece of s.match(/[A-Za-z0-9_-]{12,}/g) ?? [])
      expect(hashes.has(hashToken(piece)), `${what}: the token of a link`).toBe(false);
  }
}

/** One message of every kind that carries a link, each created by the role that creates it. */
async function queueEveryKind(h: TestApp, c: TestClinic) {
  const admin = await c.login('admin');
  const fd = await c.login('front_desk');
  const nurse = await c.login('nurse');
  const invite = await admin.post('/api/v1/users/invite', {
    email: `new-admin-${c.clinicId}@example.org`,
    displayName: 'New Admin',
    role: 'admin',
  });
  expect(invite.status).toBe(201);
  const p = await fd.post('/api/v1/patients', validPatient({ email: `portal-${c.clinicId}@example.org` }));
  expect((await fd.post(`/api/v1/patients/${p.body.id}/portal-invite`)).status).toBe(201);
  expect((await admin.post(`/api/v1/users/${c.users.prescriber.id}/reset-password`)).status).toBe(200);
  expect(
    (await fd.post(`/api/v1/patients/${c.patientId}/self-report-links`, { instruments: ['phq9'] })).status,
  ).toBe(201);
  const put = await nurse.request('PUT', `/api/v1/patients/${p.body.id}/measurement-schedule`, {
    items: [{ instrument: 'gad7', cadence: 'weekly' }],
  });
  expect(put.status).toBe(200);
  await runScheduler(h.built.ctx);
  return { adminLink: invite.body.link as string };
}

describe.each(testBackends())('one-time links and the outbox on %s', (backend) => {
  const h = useTestApp(backend);

  it('lists every message to staff without a token or link, for every role, queued or sent', async () => {
    const c = await h.newClinic();
    const { adminLink } = await queueEveryKind(h, c);
    const kinds = async (client: Client) =>
      ((await client.get('/api/v1/outbox?status=all')).body.items as { kind: string }[]).map((i) => i.kind);
    expect((await kinds(await c.login('admin'))).sort()).toEqual(
      ['invite', 'invite', 'measurement_reminder', 'password_reset', 'self_report_link'].sort(),
    );
    const check = async (stage: string) => {
      for (const role of ROLES) {
        const client = await c.login(role);
        for (const url of ['/api/v1/outbox', '/api/v1/outbox?status=all']) {
          const r = await client.get(url);
          expect(r.status, `${role} ${url}`).toBe(role === 'admin' || role === 'front_desk' ? 200 : 403);
          await expectNoToken(h, c, r.body, `${stage}: ${role} ${url}`);
          if (r.status === 200)
            for (const item of r.body.items) expect(Object.keys(item)).not.toContain('body');
        }
      }
    };
    await check('queued');
    // What the database keeps cannot be replayed either: a template, never a token.
    const stored = await h.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('clinic_id', '=', c.clinicId)
      .execute();
    await expectNoToken(
      h,
      c,
      stored.map((m) => ({
        ...m,
        body: m.body.replaceAll('/accept/{token}', '').replaceAll('/r/{token}', ''),
      })),
      'stored',
    );
    expect(stored.every((m) => m.body.includes('{token}') && m.link_id)).toBe(true);

    const received = await deliverMail(h, c.clinicId);
    expect(received).toHaveLength(5);
    await check('sent');
    const outbox = await (await c.login('front_desk')).get('/api/v1/outbox?status=all');
    expect(outbox.body.items.map((i: { status: string }) => i.status)).toEqual(Array(5).fill('sent'));
    // Sending minted a new token: the link the admin copied at creation no longer works.
    const invited = received.find((m) => m.to === `new-admin-${c.clinicId}@example.org`);
    expect(linkIn(invited?.text ?? '', 'accept')).not.toBe(adminLink);
    expect((await c.anonymous().acceptLink(adminLink, NEW_PASSWORD)).status).toBe(404);
    expect((await c.anonymous().acceptLink(linkIn(invited?.text ?? '', 'accept'), NEW_PASSWORD)).status).toBe(
      200,
    );
  });

  it('does not send a message whose link was used or replaced first, and says so', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const first = await admin.post(`/api/v1/users/${c.users.nurse.id}/reset-password`);
    await admin.post(`/api/v1/users/${c.users.nurse.id}/reset-password`);
    expect((await c.anonymous().acceptLink(first.body.link, NEW_PASSWORD)).status).toBe(410);
    const received = await deliverMail(h, c.clinicId);
    expect(received).toHaveLength(1);
    const items = (await admin.get('/api/v1/outbox?status=all')).body.items as { status: string }[];
    expect(items.map((i) => i.status).sort()).toEqual(['not_sent', 'sent']);
  });

  it('shows an admin the invitation link once at creation, without a mail server only, audited', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const inv = await admin.post('/api/v1/users/invite', {
      email: `once-${c.clinicId}@example.org`,
      displayName: 'Once',
      role: 'nurse',
    });
    expect(inv.body.link).toMatch(/\/accept\/[A-Za-z0-9_-]{43}$/);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['details', 'user_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'user')
      .where('action', '=', 'create')
      .execute();
    expect(audit).toEqual([
      { user_id: c.users.admin.id, details: { role: 'nurse', invited: true, linkShown: true } },
    ]);
    // No route gives it again: the user list carries no link.
    await expectNoToken(h, c, (await admin.get('/api/v1/users')).body, 'users');
  });

  it('lets the demo clinic’s admin read its mailbox, nobody else, and nowhere else', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    expect((await admin.get('/api/v1/demo/mailbox')).status).toBe(404);
    await h.database.db.updateTable('clinics').set({ demo: true }).where('id', '=', c.clinicId).execute();
    for (const role of ROLES.filter((r) => r !== 'admin'))
      expect((await (await c.login(role)).get('/api/v1/demo/mailbox')).status, role).toBe(403);
    const demoAdmin = await c.login('admin');
    await demoAdmin.post(`/api/v1/users/${c.users.therapist.id}/reset-password`);
    const first = await demoAdmin.get('/api/v1/demo/mailbox');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    const link = linkIn(first.body.items[0].text, 'accept');
    // Opening it again issues the link afresh; the earlier copy stops working.
    const second = await demoAdmin.get('/api/v1/demo/mailbox');
    const fresh = linkIn(second.body.items[0].text, 'accept');
    expect(fresh).not.toBe(link);
    expect((await c.anonymous().acceptLink(link, NEW_PASSWORD)).status).toBe(404);
    expect((await c.anonymous().acceptLink(fresh, NEW_PASSWORD)).status).toBe(200);
    expect((await demoAdmin.get('/api/v1/demo/mailbox')).body.items[0].text).toBeNull();
    await expectNoToken(h, c, (await demoAdmin.get('/api/v1/outbox?status=all')).body, 'outbox');
    const reads = await h.database.db
      .selectFrom('audit_log')
      .select('user_id')
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'demo_mailbox')
      .execute();
    expect(reads).toHaveLength(3);
  });
});

describe.each(testBackends())('self-report links from staff on %s', (backend) => {
  const h = useTestApp(backend);

  it('gives front desk no link they could complete: only the patient receives it', async () => {
    const c = await h.newClinic();
    const fd = await c.login('front_desk');
    const made = await fd.post(`/api/v1/patients/${c.patientId}/self-report-links`, {
      instruments: ['phq9'],
    });
    expect(made.status).toBe(201);
    expect(Object.keys(made.body).sort()).toEqual(['expiresAt', 'id', 'sentTo']);
    await expectNoToken(h, c, made.body, 'created');
    const seen = [made.body, (await fd.get('/api/v1/outbox?status=all')).body];
    await expectNoToken(h, c, seen, 'front desk');
    // Without the clinic-device mode, front desk cannot ask for a link to hand over either.
    const device = await fd.post(`/api/v1/patients/${c.patientId}/self-report-links/clinic-device`, {
      instruments: ['phq9'],
    });
    expect(device.status).toBe(409);
    // Nothing front desk was given opens the form.
    for (const piece of JSON.stringify(seen).match(/[A-Za-z0-9_-]{16,}/g) ?? [])
      expect((await fd.get(`/api/v1/self-report/${piece}`)).status, piece).toBe(404);

    const [mail] = await deliverMail(h, c.clinicId);
    expect(mail?.to).toBe(made.body.sentTo);
    const token = tokenIn(mail?.text ?? '', 'r');
    const ok = await c.anonymous().post(`/api/v1/self-report/${token}`, {
      responses: [{ instrument: 'phq9', answers: Array(9).fill(0) }],
    });
    expect(ok.status).toBe(200);
    const list = await (await c.login('nurse')).get(`/api/v1/patients/${c.patientId}/assessments`);
    expect(list.body.items).toMatchObject([{ completedVia: 'patient_link', handedBy: null, source: 'link' }]);
  });

  it('refuses a link for a patient without an email (409) and creates nothing', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const p = await nurse.post('/api/v1/patients', validPatient({ email: undefined }));
    const r = await nurse.post(`/api/v1/patients/${p.body.id}/self-report-links`, { instruments: ['phq9'] });
    expect(r.status).toBe(409);
    const links = await h.database.db
      .selectFrom('self_report_links')
      .select('id')
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(links).toEqual([]);
  });

  it('hands the patient a clinic device when the clinic allows it, recording by whose hand', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const on = await admin.patch('/api/v1/clinic/settings', { clinicDeviceSelfReport: true });
    expect(on.status).toBe(200);
    expect(on.body.clinicDeviceSelfReport).toBe(true);
    const fd = await c.login('front_desk');
    expect((await fd.get('/api/v1/me')).body.user.clinic.clinicDeviceSelfReport).toBe(true);
    const r = await fd.post(`/api/v1/patients/${c.patientId}/self-report-links/clinic-device`, {
      instruments: ['gad7'],
    });
    expect(r.status).toBe(201);
    expect(new Date(r.body.expiresAt).getTime() - h.clock.now().getTime()).toBe(60 * 60_000);
    const ok = await c.anonymous().post(`/api/v1/self-report/${r.body.token}`, {
      responses: [{ instrument: 'gad7', answers: Array(7).fill(1) }],
    });
    expect(ok.status).toBe(200);
    const [a] = (await (await c.login('nurse')).get(`/api/v1/patients/${c.patientId}/assessments`)).body
      .items;
    expect(a).toMatchObject({
      completedVia: 'clinic_device',
      handedBy: c.users.front_desk.id,
      source: 'link',
    });
    const row = await h.database.db
      .selectFrom('self_report_links')
      .select(['delivery', 'handed_by'])
      .where('id', '=', r.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ delivery: 'clinic_device', handed_by: c.users.front_desk.id });
    // Nothing is queued for a form handed over in the clinic.
    expect((await fd.get('/api/v1/outbox?status=all')).body.items).toEqual([]);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['details', 'patient_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'self_report_link')
      .where('action', '=', 'create')
      .execute();
    expect(audit).toEqual([
      { patient_id: c.patientId, details: { instruments: ['gad7'], delivery: 'clinic_device' } },
    ]);
  });
});
