/**
 * Between sessions, in headless Chromium against a real server with the demo clinic. On a 390 px phone the
 * patient's home carries the crisis line, progress in plain words and the daily mood check-in; the patient
 * reads an education page, then writes a private and a shared journal entry. The therapist's chart shows the
 * shared entry only; the therapist signs an integration note (the preparation beside the template) that cites
 * it. The prescriber edits the education page; the patient sees it changed since they read it and the chart
 * shows the read state; "My progress" shows the mood beside the scales. axe-core on each new screen.
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
  screenshotsOnFailure,
  startServer,
} from './harness.ts';

const PHONE = { width: 390, height: 844 };
const SLUG = 'what-integration-is';
const PRIVATE = 'Private thought from the journey: not for the clinic.';
const SHARED = 'Shared thought from the journey: the fear passed when I let it.';

async function fitsThePhone(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describeBrowser('between sessions: education and the journal on a phone → the integration note', () => {
  let server: Server;
  let browser: Browser;
  let phone: Page;
  let therapist: Page;
  let patientId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    phone = await newPage(browser, { viewport: PHONE });
    therapist = await newPage(browser);
    for (const pg of [phone, therapist]) pg.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    const patient = await apiAs(server.baseUrl, DEMO_LOGINS.patient);
    patientId = (await patient('GET', '/api/v1/me')).body.user.patientId;
  }, 120_000);
  afterEach(async (c) => {
    if (c.task.result?.state !== 'fail') return;
    await screenshotsOnFailure([
      [phone, 'between-failed-phone'],
      [therapist, 'between-failed-therapist'],
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the phone home: the crisis line, progress in plain words and the mood check-in', async () => {
    await login(phone, server.baseUrl, DEMO_LOGINS.patient);
    await phone.getByRole('heading', { name: 'Welcome', level: 1 }).waitFor();
    const crisis = phone.getByRole('complementary', { name: 'Help in a crisis' });
    expect(await crisis.getByRole('link', { name: /Call 988/ }).getAttribute('href')).toBe('tel:988');
    expect(await crisis.getByRole('link', { name: /Text 988/ }).getAttribute('href')).toBe('sms:988');
    expect(await crisis.getByRole('link', { name: /Call 911/ }).getAttribute('href')).toBe('tel:911');
    await phone
      .getByRole('region', { name: 'Your progress' })
      .getByText(/^Your PHQ-9 went from \d+ to \d+ since you started/)
      .first()
      .waitFor();
    await phone
      .getByRole('group', { name: 'Mood from 0 to 10' })
      .getByRole('button', { name: '7 out of 10' })
      .click();
    await phone.getByText('Today’s check-in: 7 out of 10.').waitFor();
    await fitsThePhone(phone);
    await expectNoSeriousAxeViolations(phone);
    await screenshot(phone, 'between-01-home');
  }, 120_000);

  test('the patient reads an education page', async () => {
    await phone.getByRole('link', { name: 'Learn', exact: true }).click();
    await phone.getByRole('heading', { name: 'Learn about your treatment', level: 1 }).waitFor();
    await expectNoSeriousAxeViolations(phone);
    await phone.getByRole('link', { name: 'What integration is' }).click();
    await phone.getByRole('heading', { name: 'What integration is', level: 1 }).waitFor();
    await phone.getByRole('button', { name: 'I have read this page' }).click();
    await phone.getByText(/You read this page on/).waitFor();
    await phone.getByRole('complementary', { name: 'Help in a crisis' }).waitFor();
    await fitsThePhone(phone);
    await expectNoSeriousAxeViolations(phone);
    await screenshot(phone, 'between-02-education-page');
  }, 60_000);

  test('the patient writes a private entry and a shared one', async () => {
    await phone.goto(`${server.baseUrl}/journal`);
    await phone.getByRole('heading', { name: 'My journal' }).waitFor();
    const entry = phone.getByRole('textbox', { name: 'Your entry' });
    await entry.fill(PRIVATE);
    await phone.getByRole('button', { name: 'Save entry' }).click();
    await phone.getByText('Saved. Only you can read it.').waitFor();

    await phone.getByRole('combobox', { name: 'A prompt to start from (optional)' }).click();
    await phone.getByRole('option').first().click();
    await entry.fill(SHARED);
    await phone.getByRole('switch', { name: /^Share with my care team/ }).check({ force: true });
    await phone.getByRole('button', { name: 'Save entry' }).click();
    await phone.getByText('Saved and shared with your care team.').waitFor();

    const cards = phone.getByRole('article');
    await cards.filter({ hasText: SHARED }).getByText('Shared with my care team').waitFor();
    await cards.filter({ hasText: PRIVATE }).getByText('Private', { exact: true }).waitFor();
    await fitsThePhone(phone);
    await expectNoSeriousAxeViolations(phone);
    await screenshot(phone, 'between-03-journal');
  }, 120_000);

  test('the therapist sees the shared entry only and signs an integration note that cites it', async () => {
    await login(therapist, server.baseUrl, DEMO_LOGINS.therapist);
    await therapist.goto(`${server.baseUrl}/patients/${patientId}/journal`);
    await therapist.getByText(SHARED).waitFor();
    expect(await therapist.content()).not.toContain('Private thought from the journey');
    await expectNoSeriousAxeViolations(therapist);

    await therapist.goto(`${server.baseUrl}/patients/${patientId}/notes`);
    await therapist.getByRole('button', { name: 'New note' }).click();
    const form = therapist.getByRole('form', { name: 'New note' });
    await form
      .getByRole('region', { name: 'Preparation' })
      .getByText(/Recorded by/)
      .waitFor();
    await form.getByRole('textbox', { name: 'Insights' }).fill('Fear eased once she stopped fighting it.');
    await form.getByRole('checkbox', { name: new RegExp(SHARED.slice(0, 30)) }).check();
    await form
      .getByRole('textbox', { name: 'Summary' })
      .fill('Discussed her shared entry about the fear passing.');
    expect(await therapist.content()).not.toContain('Private thought from the journey');
    await expectNoSeriousAxeViolations(therapist);
    await form.getByRole('button', { name: 'Sign and save' }).click();

    const cited = therapist.getByLabel('Journal entries discussed').first();
    await cited.getByText(`“${SHARED}”`).waitFor();
    await therapist.getByText('Discussed her shared entry about the fear passing.').waitFor();
    await expectNoSeriousAxeViolations(therapist);
    await screenshot(therapist, 'between-04-integration-note');

    await therapist.goto(`${server.baseUrl}/integration`);
    await therapist.getByRole('heading', { name: /Integration/, level: 1 }).waitFor();
    await expectNoSeriousAxeViolations(therapist);
    await screenshot(therapist, 'between-05-worklist');
  }, 120_000);

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

    await therapist.goto(`${server.baseUrl}/patients/${patientId}/education`);
    await therapist
      .getByRole('row')
      .filter({ hasText: 'What integration is' })
      .getByText('Read version 1 of 2')
      .waitFor();
    await expectNoSeriousAxeViolations(therapist);
  }, 60_000);

  test('the patient’s progress shows the daily mood beside the scales', async () => {
    await phone.goto(`${server.baseUrl}/progress`);
    await phone.getByRole('heading', { name: 'My daily mood' }).waitFor();
    await fitsThePhone(phone);
    await expectNoSeriousAxeViolations(phone);
    await screenshot(phone, 'between-06-progress');
  }, 60_000);
});
