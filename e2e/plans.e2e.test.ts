/**
 * Plans journey in headless Chromium against a real server with the demo clinic: the patient completes the
 * intake in the portal (reporting a past psychosis: a relative contraindication) → the prescriber evaluates
 * eligibility, sees "review" with the hit, and signs the review → the patient reads and signs the KAP
 * consent → the prescriber creates a KAP plan, approves (signs) it and starts it; the dose calculator
 * refuses an over-maximum dose and shows why. axe-core on the new screens (WCAG 2.1 AA, no serious/critical).
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import {
  type Browser,
  browserStorage,
  DEMO_LOGINS,
  describeBrowser,
  expectNoSeriousAxeViolations,
  login,
  newPage,
  openBrowser,
  openChart,
  type Page,
  type Server,
  screenshot,
  screenshotsOnFailure,
  startServer,
} from './harness.ts';

const KAP = 'Sublingual ketamine-assisted psychotherapy (lozenges)';

describeBrowser('plans journey: intake → eligibility review → consent → approved plan', () => {
  let server: Server;
  let browser: Browser;
  let patient: Page;
  let prescriber: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    patient = await newPage(browser);
    prescriber = await newPage(browser);
    for (const pg of [patient, prescriber])
      pg.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  }, 120_000);
  afterEach(async (c) => {
    if (c.task.result?.state !== 'fail') return;
    await screenshotsOnFailure([
      [patient, 'plans-failed-patient'],
      [prescriber, 'plans-failed-prescriber'],
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the patient completes the intake in the portal', async () => {
    await login(patient, server.baseUrl, DEMO_LOGINS.patient);
    await patient.getByRole('link', { name: 'My intake' }).click();
    await patient.getByRole('heading', { name: 'My intake', level: 1 }).waitFor();
    await patient.getByLabel('Depression', { exact: true }).check();
    await patient.getByLabel('Psychosis in the past').check();
    await patient.getByLabel('An adult can drive me home after each treatment').check();
    await patient.getByLabel('Height (cm)').fill('170');
    await patient.getByLabel('Weight (kg)').fill('72');
    await expectNoSeriousAxeViolations(patient);
    await screenshot(patient, 'plans-01-portal-intake');
    await patient.getByRole('button', { name: 'Submit my intake' }).click();
    await patient.getByText('Your intake was sent').waitFor();
    expect(await browserStorage(patient)).toEqual({ localStorage: [], sessionStorage: [], indexedDB: [] });
  });

  test('the prescriber evaluates eligibility: a relative contraindication needs the review, which they sign', async () => {
    await login(prescriber, server.baseUrl, DEMO_LOGINS.prescriber);
    await openChart(prescriber, server.baseUrl, 'Demoreaux', 'Demoreaux, Jordan');
    await prescriber.getByRole('tab', { name: 'Intake & eligibility' }).click();
    await prescriber.getByText('Psychosis in the past').waitFor();
    await prescriber.getByRole('button', { name: 'Evaluate eligibility' }).click();
    await prescriber.getByText('Prescriber review required').waitFor();
    await prescriber
      .getByRole('table', { name: 'Rules that fired' })
      .getByText('History of psychosis (not currently active)')
      .waitFor();
    await expectNoSeriousAxeViolations(prescriber);
    await screenshot(prescriber, 'plans-02-eligibility-review');
    await prescriber
      .getByLabel('Review note')
      .fill('Single episode 2015, no recurrence; psychiatrist agrees.');
    await prescriber.getByRole('button', { name: 'Sign: approve eligibility' }).click();
    await prescriber.getByText('Approved by prescriber').waitFor();
  });

  test('the patient reads and signs the KAP consent', async () => {
    // Consents open from the portal home's "To do" card.
    await patient.getByRole('link', { name: 'Home', exact: true }).click();
    await patient.getByRole('link', { name: 'My consents' }).click();
    const card = patient.getByRole('region', { name: 'Consent to ketamine-assisted psychotherapy (KAP)' });
    await card.getByRole('button', { name: 'Read and sign' }).click();
    await card.getByTestId('consent-text').waitFor();
    await card.getByLabel('I have read this document in full and I agree to it.').check();
    await card.getByLabel('Type your full name to sign').fill('Jordan Demoreaux');
    await expectNoSeriousAxeViolations(patient);
    await screenshot(patient, 'plans-03-consent-sign');
    await card.getByRole('button', { name: 'Sign electronically' }).click();
    await card.getByText('Signed', { exact: true }).waitFor();
    await card.getByRole('link', { name: 'PDF' }).waitFor();
    await screenshot(patient, 'plans-04-consent-signed');
  });

  test('the prescriber creates, approves (signs) and starts the plan', async () => {
    await prescriber.getByRole('tab', { name: 'Treatment plan' }).click();
    const draft = prescriber.getByRole('region', { name: 'New draft plan' });
    await draft.getByRole('combobox', { name: 'Protocol' }).selectOption({ label: `${KAP} (v1)` });
    await draft.getByLabel('Depression', { exact: true }).check();
    await draft.getByRole('button', { name: 'Create draft' }).click();
    const plan = prescriber.getByRole('region', { name: `Plan: ${KAP}` });
    await plan.getByTestId('plan-status').getByText('draft').waitFor();
    await plan.getByRole('button', { name: 'Approve and sign plan' }).click();
    await plan.getByTestId('plan-status').getByText('approved').waitFor();
    await plan.getByRole('button', { name: 'Start plan' }).click();
    await plan.getByTestId('plan-status').getByText('active').waitFor();
    await expectNoSeriousAxeViolations(prescriber);
    await screenshot(prescriber, 'plans-05-plan-active');
  });

  test('the dose calculator refuses an over-maximum dose and says why', async () => {
    const calc = prescriber.getByRole('region', { name: 'Dose calculator' });
    await calc.getByLabel('Dose (mg/kg)').fill('1.2');
    await calc.getByLabel('Concentration (mg/mL)').fill('10');
    await calc.getByRole('button', { name: 'Calculate' }).click();
    await calc.getByText('Dose refused — do not give').waitFor();
    await calc.getByText(/absolute ceiling of 1 mg\/kg/).waitFor();
    await screenshot(prescriber, 'plans-06-dose-refused');
    await calc.getByLabel('Dose (mg/kg)').fill('0.5');
    await calc.getByRole('button', { name: 'Calculate' }).click();
    await calc.getByRole('table', { name: 'Calculated dose' }).getByText('36 mg').waitFor();
    await calc.getByText('3.6 mL').waitFor();
    await screenshot(prescriber, 'plans-07-dose-ok');
  });

  test('the protocol library lists one active default per route, with the calculator', async () => {
    await prescriber.getByRole('link', { name: 'Protocols' }).click();
    await prescriber.getByRole('heading', { name: 'Protocol library', level: 1 }).waitFor();
    const table = prescriber.getByRole('table', { name: 'Protocols' });
    await table.getByText('Intranasal esketamine (SPRAVATO) for treatment-resistant depression').waitFor();
    expect(await table.getByText('Default', { exact: true }).count()).toBe(5);
    await table
      .getByRole('row', { name: /IV racemic ketamine/ })
      .getByRole('button', { name: 'Edit' })
      .click();
    await prescriber.getByLabel('Protocol data').waitFor();
    await expectNoSeriousAxeViolations(prescriber);
    await screenshot(prescriber, 'plans-08-protocol-library');
  });
});
