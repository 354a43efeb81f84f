/**
 * Measurement journey in headless Chromium against a real server with the demo
 * clinic: a nurse sends forms to a patient by email (the link goes only to the patient: here, the demo
 * clinic's mailbox, which the admin reads); the patient opens the link on a phone-sized screen, answers PHQ-9 with item 9 = 1
 * and sees crisis resources at once; in a staff browser the suicide-risk alert appears and is
 * acknowledged with a note; the used link is then refused with a friendly page. A C-SSRS screener
 * self-report with lifetime suicidal behaviour only (yes to question 6, no to its 3-month follow-up,
 * which appears only after that yes) shows crisis help and raises the alert for staff. Also checks the
 * chart's Assessments tab shows trends with response/remission for a demo patient.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type Browser,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  describeBrowser,
  login,
  newPage,
  openBrowser,
  type Server,
  screenshot,
  startServer,
} from './harness.ts';

const PHONE = { width: 390, height: 844 };

// biome-ignore lint/suspicious/noExplicitAny: API answers read ad hoc in a browser journey
type Json = any;

async function apiLogin(baseUrl: string, email: string) {
  const r = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = (await r.json()) as { csrfToken: string };
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    get: (path: string) =>
      fetch(`${baseUrl}${path}`, { headers: { cookie } }).then((x) => x.json() as Promise<Json>),
    post: (path: string, data: unknown) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          cookie,
          'x-csrf-token': body.csrfToken,
          'content-type': 'application/json',
          origin: baseUrl,
        },
        body: JSON.stringify(data),
      }).then((x) => x.json() as Promise<Json>),
  };
}

describeBrowser('measurement journey', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('self-report link on a phone → crisis resources → staff acknowledges the alert → link refused', async () => {
    const nurse = await apiLogin(server.baseUrl, DEMO_LOGINS.nurse);
    const patients = await nurse.get('/api/v1/patients?query=Demoreaux');
    const patientId = patients.items[0].id as string;
    const sent = await nurse.post(`/api/v1/patients/${patientId}/self-report-links`, {
      instruments: ['phq9'],
    });
    expect(sent.sentTo).toContain('@');
    expect(JSON.stringify(sent)).not.toMatch(/\/r\//); // the nurse never holds the link
    // The patient's email, as the demo clinic's mailbox shows it to the admin.
    const admin = await apiLogin(server.baseUrl, DEMO_LOGINS.admin);
    const mailbox = await admin.get('/api/v1/demo/mailbox');
    const mail = (mailbox.items as { kind: string; recipient: string; text: string | null }[]).find(
      (m) => m.kind === 'self_report_link' && m.recipient === sent.sentTo,
    );
    const path = mail?.text?.match(/\S*\/r\/[A-Za-z0-9_-]+/)?.[0];
    expect(path).toBeTruthy();
    const url = new URL(path ?? '', server.baseUrl).toString();

    const phone = await newPage(browser, { viewport: PHONE });
    await phone.goto(url);
    await phone.getByText('Fresh Start Ketamine').waitFor();
    expect(await phone.getByText('Demoreaux').count()).toBe(0);
    await screenshot(phone, 'measurement-01-phone-form');
    for (let i = 1; i <= 9; i++) {
      const group = phone.getByRole('radiogroup', { name: new RegExp(`^${i}\\. `) });
      await group
        .getByRole('radio')
        .nth(i === 9 ? 1 : 0)
        .check();
    }
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByText('If you need help now').waitFor();
    expect(await phone.getByText(/988/).count()).toBeGreaterThan(0);
    expect(await phone.getByText(/911/).count()).toBeGreaterThan(0);
    expect(await phone.getByText(/may not be read immediately/).count()).toBeGreaterThan(0);
    await screenshot(phone, 'measurement-02-phone-crisis');

    const staff = await newPage(browser);
    await login(staff, server.baseUrl, DEMO_LOGINS.prescriber);
    await staff.goto(`${server.baseUrl}/alerts`);
    const card = staff.locator('.mantine-Card-root', {
      has: staff.locator(`a[href="/patients/${patientId}/assessments"]`),
    });
    await card.first().waitFor();
    await screenshot(staff, 'measurement-03-alerts');
    await card.first().getByRole('button', { name: 'Acknowledge…' }).click();
    await card
      .first()
      .getByLabel('Acknowledgement note')
      .fill('Called the patient; safety plan reviewed; seen today.');
    await card.first().getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await expect.poll(() => staff.locator(`a[href="/patients/${patientId}/assessments"]`).count()).toBe(0);
    await screenshot(staff, 'measurement-04-acknowledged');
    const acked = await nurse.get('/api/v1/alerts?status=acknowledged');
    expect(
      acked.items.some(
        (a: { patientId: string; ackNote: string }) =>
          a.patientId === patientId && a.ackNote.startsWith('Called'),
      ),
    ).toBe(true);

    await phone.goto(url);
    await phone.getByText('This link can’t be used').waitFor();
    await phone.getByText(/already been used/).waitFor();
    await screenshot(phone, 'measurement-05-phone-used');
  });

  test('C-SSRS self-report with lifetime behaviour only: the follow-up is asked, crisis help shows, staff see the alert', async () => {
    const nurse = await apiLogin(server.baseUrl, DEMO_LOGINS.nurse);
    const patientId = (await nurse.get('/api/v1/patients?query=Examplar')).items[0].id as string;
    const sent = await nurse.post(`/api/v1/patients/${patientId}/self-report-links`, {
      instruments: ['cssrs_screen'],
    });
    expect(sent.sentTo).toContain('@');
    // The patient's email, as the demo clinic's mailbox shows it to the admin (the nurse never holds the link).
    const admin = await apiLogin(server.baseUrl, DEMO_LOGINS.admin);
    const mailbox = await admin.get('/api/v1/demo/mailbox');
    const mail = (mailbox.items as { kind: string; recipient: string; text: string | null }[]).find(
      (m) => m.kind === 'self_report_link' && m.recipient === sent.sentTo,
    );
    const path = mail?.text?.match(/\S*\/r\/[A-Za-z0-9_-]+/)?.[0];
    expect(path).toBeTruthy();

    const phone = await newPage(browser, { viewport: PHONE });
    await phone.goto(new URL(path ?? '', server.baseUrl).toString());
    await phone.getByText('Fresh Start Ketamine').waitFor();
    // Only questions 1, 2 and 6 at first: 3–5 follow a yes to 2, the 3-month question a yes to 6.
    expect(await phone.getByRole('radiogroup').count()).toBe(3);
    const question = (n: number) => phone.getByRole('radiogroup', { name: new RegExp(`^${n}\\. `) });
    await question(1).getByLabel('No', { exact: true }).check();
    await question(2).getByLabel('No', { exact: true }).check();
    await screenshot(phone, 'measurement-10-cssrs-before-follow-up');
    await question(6).getByLabel('Yes', { exact: true }).check();
    const followUp = phone.getByRole('radiogroup', { name: '7. Was this within the past 3 months?' });
    await followUp.waitFor();
    await followUp.getByLabel('No', { exact: true }).check();
    await screenshot(phone, 'measurement-11-cssrs-follow-up');
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByText('If you need help now').waitFor();
    expect(await phone.getByText(/988/).count()).toBeGreaterThan(0);
    await screenshot(phone, 'measurement-12-cssrs-crisis');

    const staff = await newPage(browser);
    await login(staff, server.baseUrl, DEMO_LOGINS.prescriber);
    await staff.goto(`${server.baseUrl}/alerts`);
    const card = staff.locator('.mantine-Card-root', {
      has: staff.locator(`a[href="/patients/${patientId}/assessments"]`),
    });
    await card.first().waitFor();
    await card
      .first()
      .getByText(/C-SSRS Screener \(moderate\)/)
      .waitFor();
    await screenshot(staff, 'measurement-13-cssrs-alert');
    const stored = await nurse.get(`/api/v1/patients/${patientId}/assessments?instrument=cssrs_screen`);
    expect(stored.items.at(-1)).toMatchObject({
      answers: [0, 0, 0, 0, 0, 1, 0],
      severity: 'moderate',
      instrumentVersion: '2.0.0',
    });
  });

  test('chart trends show response and remission for demo patients', async () => {
    const nurse = await apiLogin(server.baseUrl, DEMO_LOGINS.nurse);
    const p2 = (await nurse.get('/api/v1/patients?query=Fictionel')).items[0].id as string;
    const staff = await newPage(browser);
    await login(staff, server.baseUrl, DEMO_LOGINS.prescriber);
    await staff.goto(`${server.baseUrl}/patients/${p2}/assessments`);
    await staff.getByTestId('trend-phq9').waitFor();
    await staff.getByTestId('trend-phq9').getByText('Remission', { exact: true }).waitFor();
    await staff.getByTestId('trend-phq9').getByText('Response', { exact: true }).waitFor();
    await screenshot(staff, 'measurement-06-chart-trends');
  });

  test('portal: check-ins and progress in plain words; front desk sees the outbox without links', async () => {
    const phone = await newPage(browser, { viewport: PHONE });
    await login(phone, server.baseUrl, DEMO_LOGINS.patient);
    await phone.goto(`${server.baseUrl}/progress`);
    await phone.getByRole('heading', { name: 'My progress' }).waitFor();
    await phone.getByText(/Your PHQ-9 score has gone down/).waitFor();
    await screenshot(phone, 'measurement-07-portal-progress');
    await phone.goto(`${server.baseUrl}/check-ins`);
    await phone.getByRole('heading', { name: 'My check-ins' }).waitFor();
    await phone.getByRole('button', { name: 'Start' }).first().click();
    const groups = phone.getByRole('radiogroup');
    const n = await groups.count();
    for (let i = 0; i < n; i++) await groups.nth(i).getByRole('radio').first().check();
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByText(/answers were sent/).waitFor();
    await screenshot(phone, 'measurement-08-portal-checkin-sent');

    const desk = await newPage(browser);
    await login(desk, server.baseUrl, DEMO_LOGINS.frontDesk);
    await desk.goto(`${server.baseUrl}/outbox`);
    await desk.getByRole('heading', { name: 'Outbox' }).waitFor();
    await desk
      .getByText(/a short check-in/)
      .first()
      .waitFor();
    expect(await desk.getByText(/\/r\/|\/accept\//).count()).toBe(0);
    await screenshot(desk, 'measurement-09-outbox');
  });
});
