/**
 * Scheduling journey in headless Chromium against a real server with the demo clinic: the front desk books
 * the induction course from the patient's approved plan (the first visit moved to today, in a chair of its
 * own) → the patient opens the visit's confirmation link on a phone, names an escort and confirms → the
 * front desk's day list shows the visit with the escort confirmed → the nurse checks the patient in from the
 * schedule → the live board shows them in their chair. axe-core on each new screen.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import {
  apiAs,
  type Browser,
  browserStorage,
  DEMO_LOGINS,
  describeBrowser,
  expectNoSeriousAxeViolations,
  login,
  newPage,
  openBrowser,
  type Page,
  type Server,
  screenshot,
  screenshotsOnFailure,
  startServer,
} from './harness.ts';

const PHONE = { width: 390, height: 844 };
const ZONE = 'America/New_York';
const CHAIR = 'Chair 9';

/** The clinic's date and a time a few minutes from now, as its calendar shows them. */
function clinicNow(minutesAhead: number): { date: string; time: string } {
  const at = new Date(Date.now() + minutesAhead * 60_000);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

describeBrowser(
  'scheduling journey: course from the plan → confirmed on a phone → checked in → on the board',
  () => {
    let server: Server;
    let browser: Browser;
    let desk: Page;
    let nurse: Page;
    let patientId = '';
    let firstVisitId = '';

    beforeAll(async () => {
      server = await startServer();
      browser = await openBrowser();
      desk = await newPage(browser);
      nurse = await newPage(browser);
      for (const pg of [desk, nurse]) pg.on('pageerror', (e) => console.error(`page error: ${e.message}`));
      // A chair of its own for today's first visit, so the journey never meets the demo week's bookings.
      const admin = await apiAs(server.baseUrl, DEMO_LOGINS.admin);
      expect((await admin('POST', '/api/v1/chairs', { name: CHAIR, kind: 'infusion_chair' })).status).toBe(
        201,
      );
      const found = await admin('GET', '/api/v1/patients?query=Demoreaux');
      patientId = found.body.items[0].id;
    }, 120_000);
    afterEach(async (c) => {
      if (c.task.result?.state !== 'fail') return;
      await screenshotsOnFailure([
        [desk, 'scheduling-failed-desk'],
        [nurse, 'scheduling-failed-nurse'],
      ]);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    test('the front desk books the induction course from the approved plan', async () => {
      await login(desk, server.baseUrl, DEMO_LOGINS.frontDesk);
      await desk.goto(`${server.baseUrl}/patients/${patientId}/visits`);
      await desk.getByRole('heading', { name: 'Visits' }).first().waitFor();
      await desk.getByRole('button', { name: 'Book the induction' }).first().click();
      await desk.getByRole('button', { name: 'Propose visits' }).click();
      const proposed = desk.getByRole('table', { name: 'Proposed visits' });
      await proposed.waitFor();
      // The patient can come today: the first visit moves to a few minutes from now, in the journey's chair.
      const now = clinicNow(10);
      await desk.getByLabel('Visit 1 date').fill(now.date);
      await desk.getByLabel('Visit 1 time').fill(now.time);
      await desk.getByLabel('Visit 1 chair', { exact: true }).first().click();
      await desk.getByRole('listbox').getByRole('option', { name: CHAIR }).first().click();
      await expectNoSeriousAxeViolations(desk);
      await screenshot(desk, 'scheduling-01-course-proposal');
      const book = desk.getByRole('button', { name: /^Book \d+ visits?$/ });
      const count = Number((await book.textContent())?.match(/\d+/)?.[0]);
      expect(count).toBeGreaterThan(1);
      await book.click();
      const booked = desk.getByRole('table', { name: 'Booked visits of the course' });
      await booked.waitFor();
      await expect.poll(() => booked.getByRole('row').count(), { timeout: 15_000 }).toBe(count + 1);
      await screenshot(desk, 'scheduling-02-course-booked');

      const api = await apiAs(server.baseUrl, DEMO_LOGINS.frontDesk);
      const mine = await api('GET', `/api/v1/appointments?patientId=${patientId}`);
      const course = (mine.body.items as Array<{ id: string; courseIndex: number | null; chairName: string }>)
        .filter((a) => a.courseIndex !== null)
        .sort((a, b) => (a.courseIndex ?? 0) - (b.courseIndex ?? 0));
      expect(course).toHaveLength(count);
      expect(course[0]?.chairName).toBe(CHAIR);
      firstVisitId = course[0]?.id ?? '';
    });

    test('on a phone the patient opens the confirmation link, names an escort and confirms', async () => {
      const api = await apiAs(server.baseUrl, DEMO_LOGINS.frontDesk);
      const sent = await api('POST', `/api/v1/appointments/${firstVisitId}/confirmation-request`, {});
      expect(sent.status).toBe(202);
      expect(JSON.stringify(sent.body)).not.toMatch(/\/c\//); // the front desk never holds the link
      const admin = await apiAs(server.baseUrl, DEMO_LOGINS.admin);
      const mailbox = await admin('GET', '/api/v1/demo/mailbox');
      const mail = (
        mailbox.body.items as Array<{ kind: string; recipient: string; text: string | null }>
      ).find((m) => m.kind === 'appointment_confirmation' && m.recipient === DEMO_LOGINS.patient);
      expect(mail?.text).not.toContain('Demoreaux'); // first name, time and link only
      const path = mail?.text?.match(/\S*\/c\/[A-Za-z0-9_-]+/)?.[0];
      expect(path).toBeTruthy();

      const phone = await newPage(browser, { viewport: PHONE });
      await phone.goto(new URL(path ?? '', server.baseUrl).toString());
      await phone.getByText('Fresh Start Ketamine').first().waitFor();
      expect(await phone.getByText('Demoreaux').count()).toBe(0);
      await phone.getByLabel('Escort’s name').fill('Sam Rivera');
      await phone.getByLabel('Escort’s phone').fill('919-555-0101');
      await phone.getByLabel(/I will not eat or drink before the visit/).check();
      await phone.getByLabel('I will not drive until the next day').check();
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await expectNoSeriousAxeViolations(phone);
      await screenshot(phone, 'scheduling-03-phone-confirm');
      await phone.getByRole('button', { name: 'Confirm my visit' }).click();
      await phone.getByText('Your visit is confirmed').waitFor();
      await phone.getByText(/Sam Rivera will take you home/).waitFor();
      await screenshot(phone, 'scheduling-04-phone-confirmed');
      expect(await browserStorage(phone)).toEqual({ localStorage: [], sessionStorage: [], indexedDB: [] });
    });

    test('the day list shows the course visit confirmed; the nurse checks in; the board shows the chair', async () => {
      await desk.goto(`${server.baseUrl}/today`);
      const row = desk.getByRole('row').filter({ hasText: 'Jordan Demoreaux' }).filter({ hasText: CHAIR });
      await row.waitFor();
      await row.getByText(/Sam Rivera/).waitFor();
      expect(await row.getByText('Escort not confirmed').count()).toBe(0);
      await expectNoSeriousAxeViolations(desk);
      await screenshot(desk, 'scheduling-05-day-list');

      await login(nurse, server.baseUrl, DEMO_LOGINS.nurse);
      await nurse.goto(`${server.baseUrl}/board`);
      await nurse.getByTestId(`free-chair-${CHAIR}`).getByText('Jordan Demoreaux').waitFor();
      await nurse.goto(`${server.baseUrl}/today`);
      // The patient may have another visit today (the demo's): check in the course visit in its chair.
      await nurse
        .getByRole('row')
        .filter({ hasText: 'Jordan Demoreaux' })
        .filter({ hasText: CHAIR })
        .getByRole('button', { name: /^Check in Jordan Demoreaux/ })
        .click();
      await nurse.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
      await nurse.goto(`${server.baseUrl}/board`);
      const card = nurse.getByTestId(`chair-${CHAIR}`);
      await card.getByText('Jordan D.').waitFor();
      expect(await nurse.getByTestId(`free-chair-${CHAIR}`).count()).toBe(0);
      await screenshot(nurse, 'scheduling-06-board');
    });
  },
);
