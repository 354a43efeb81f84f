/**
 * Access journey in headless Chromium against a real server with the demo clinic: the front desk assesses a
 * patient for the sliding scale, issues a good-faith estimate for an induction course (the PDF holds the codes,
 * NPI and amounts), records a payment after the patient's session and downloads the superbill for the last
 * months (codes, NPI, TIN and amounts as text); the medical director (a prescriber here) opens the outcomes
 * dashboard and filters it to IV ketamine for treatment-resistant depression, where the demo's treatment history
 * shows a patient count of 11 or more and a response rate. axe-core on each new screen.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { flat, pdfText } from '../apps/server/src/test/pdf-text.ts';
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

/** A demo patient with a discharged dosing session and its charges (the integration worklist's "due" item). */
const PATIENT = 'Dummyfield';

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = readFileSync((await download.path()) as string);
  expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
  return flat(pdfText(bytes));
}

describeBrowser('access journey: sliding scale → estimate → payment → superbill → outcomes', () => {
  let server: Server;
  let browser: Browser;
  let desk: Page;
  let director: Page;
  let patientId = '';
  let clinic: { npi: string | null; tin: string | null } = { npi: null, tin: null };

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    desk = await newPage(browser);
    director = await newPage(browser);
    for (const pg of [desk, director]) pg.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    const admin = await apiAs(server.baseUrl, DEMO_LOGINS.admin);
    const found = await admin('GET', `/api/v1/patients?query=${PATIENT}`);
    patientId = found.body.items[0].id;
    const settings = await admin('GET', '/api/v1/clinic/settings');
    clinic = { npi: settings.body.npi, tin: settings.body.tin };
  }, 120_000);
  afterEach(async (c) => {
    if (c.task.result?.state !== 'fail') return;
    await screenshotsOnFailure([
      [desk, 'access-failed-desk'],
      [director, 'access-failed-director'],
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the front desk assesses the patient for the sliding scale', async () => {
    await login(desk, server.baseUrl, DEMO_LOGINS.frontDesk);
    await desk.goto(`${server.baseUrl}/patients/${patientId}/billing`);
    const form = desk.getByRole('form', { name: 'Assess for the sliding scale' });
    await form.waitFor();
    await form.getByRole('textbox', { name: 'Household size' }).fill('2');
    await form.getByRole('textbox', { name: /Annual household income/ }).fill('30000');
    await form.getByRole('combobox', { name: /^State/ }).fill('North Car');
    await desk.getByRole('option', { name: 'North Carolina' }).click();
    await form.getByRole('textbox', { name: 'Evidence seen' }).fill('2025 tax return and two pay stubs');
    await form.getByRole('button', { name: 'Check the tier' }).click();
    await form
      .getByText(/50% off/)
      .first()
      .waitFor();
    await form.getByRole('checkbox', { name: /approve the assessment/ }).check();
    await form.getByRole('button', { name: 'Save assessment' }).click();
    await desk
      .getByText(/138\.6% of the 2026 poverty guideline/)
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(desk);
    await screenshot(desk, 'access-01-sliding-scale');
  }, 120_000);

  test('issues a good-faith estimate for an induction course', async () => {
    const card = desk.getByRole('region', { name: 'Good-faith estimates' });
    await card.getByRole('button', { name: 'New estimate' }).click();
    await card.getByRole('button', { name: 'Issue estimate' }).click();
    const issued = card.getByTestId('estimate').filter({ hasText: 'Induction course' }).first();
    await issued
      .getByText(/Issued/)
      .first()
      .waitFor();
    const text = await downloaded(desk, () => issued.getByRole('button', { name: 'Download PDF' }).click());
    for (const shown of ['96365', 'F33.2', PATIENT]) expect(text).toContain(shown);
    if (clinic.npi) expect(text).toContain(clinic.npi);
    await expectNoSeriousAxeViolations(desk);
    await screenshot(desk, 'access-02-estimate');
  }, 120_000);

  test('records a payment after the session and downloads the superbill', async () => {
    await desk.getByRole('button', { name: 'Record a payment' }).click();
    await desk.getByRole('textbox', { name: 'Amount in dollars' }).fill('125.50');
    await desk.getByRole('button', { name: 'Record payment' }).click();
    await desk.getByText('$125.50').first().waitFor();

    const superbill = desk.getByRole('region', { name: 'Superbill' });
    const text = await downloaded(desk, () =>
      superbill.getByRole('button', { name: 'Download superbill' }).click(),
    );
    for (const shown of ['96365', '125.50', PATIENT]) expect(text).toContain(shown);
    if (clinic.npi) expect(text).toContain(clinic.npi);
    if (clinic.tin) expect(text).toContain(clinic.tin);
    await expectNoSeriousAxeViolations(desk);
    await screenshot(desk, 'access-03-billing');
  }, 120_000);

  test('the medical director filters the outcomes dashboard to IV ketamine for depression', async () => {
    await login(director, server.baseUrl, DEMO_LOGINS.prescriber);
    await director.goto(`${server.baseUrl}/outcomes`);
    await director.getByText('Patients treated').first().waitFor();
    const asked = () =>
      director.waitForRequest((r) => {
        const u = new URL(r.url());
        return (
          u.pathname === '/api/v1/outcomes' &&
          u.searchParams.get('route') === 'iv' &&
          u.searchParams.get('indication') === 'depression'
        );
      });
    await director.getByRole('combobox', { name: 'Route' }).click();
    await director.getByRole('option', { name: 'IV', exact: true }).click();
    const filtered = asked();
    await director.getByRole('combobox', { name: 'Indication' }).click();
    await director.getByRole('option', { name: 'Depression (all forms)' }).click();
    const answer = await (await filtered).response();
    expect(answer?.status()).toBe(200);
    // IV ketamine for depression, every form of it. The demo's treatment history gives this group real figures: a patient count of 11 or more and a rate.
    const report = (await answer?.json()) as { patients: number | string; response: { rate: number | null } };
    expect(typeof report.patients).toBe('number');
    expect(report.patients).toBeGreaterThanOrEqual(11);
    expect(report.response.rate).not.toBeNull();
    // A figure card: its label, its value, then its detail.
    const card = (label: string) =>
      director.getByText(label, { exact: true }).first().locator('xpath=..').locator(':scope > *');
    await expect
      .poll(() => card('Patients treated').nth(1).textContent())
      .toBe(report.patients.toLocaleString('en-US'));
    const rate = Math.round((report.response.rate as number) * 1000) / 10;
    expect(await card('Response').nth(1).textContent()).toBe(`${rate} %`);
    expect(await card('Response').nth(2).textContent()).toMatch(/^[\d,]+ of [\d,]+$/);
    await director.getByText('Measured on PHQ-9', { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(director);
    await screenshot(director, 'access-04-outcomes');
  }, 120_000);
});
