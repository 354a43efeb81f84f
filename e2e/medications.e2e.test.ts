/**
 * Medications journey in headless Chromium against a real server with the demo clinic: the patient lists a
 * medicine (phenelzine) and an allergy at intake in the portal → the nurse sees them on the chart's
 * "Medications & allergies" tab as patient-reported and not reconciled, adds lorazepam, reconciles both
 * (who and when shown) and stops lorazepam with a reason → the prescriber's eligibility evaluation flags the
 * MAO inhibitor for review. axe-core on the new screen (WCAG 2.1 AA, no serious/critical).
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import {
  type Browser,
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
  startServer,
} from './harness.ts';

describeBrowser('medications journey: intake list → chart list → reconcile → eligibility reads it', () => {
  let server: Server;
  let browser: Browser;
  let patient: Page;
  let nurse: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    patient = await newPage(browser);
    nurse = await newPage(browser);
    for (const pg of [patient, nurse]) pg.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  }, 120_000);
  afterEach(async (c) => {
    if (c.task.result?.state !== 'fail') return;
    for (const [pg, name] of [
      [patient, 'medications-failed-patient'],
      [nurse, 'medications-failed-nurse'],
    ] as const)
      await screenshot(pg, name).catch((e: unknown) => console.error(`no failure screenshot ${name}: ${e}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the patient lists a medicine and an allergy at intake', async () => {
    await login(patient, server.baseUrl, DEMO_LOGINS.patient);
    await patient.getByRole('link', { name: 'My intake' }).click();
    await patient.getByRole('heading', { name: 'My intake', level: 1 }).waitFor();
    await patient.getByLabel('Depression', { exact: true }).check();
    await patient.getByRole('button', { name: 'Add a medicine' }).click();
    await patient.getByRole('combobox', { name: 'Medicine 1' }).fill('Phenelzine');
    await patient.getByLabel('Medicine 1 dose').fill('15 mg');
    await patient.getByLabel('Medicine 1 how often').fill('three times a day');
    await patient.getByRole('button', { name: 'Add an allergy' }).click();
    await patient.getByRole('combobox', { name: 'Allergy 1' }).fill('Penicillin');
    await patient.getByLabel('Allergy 1 reaction').fill('Rash');
    await patient.getByLabel('An adult can drive me home after each treatment').check();
    await screenshot(patient, 'medications-01-portal-intake');
    await patient.getByRole('button', { name: 'Submit my intake' }).click();
    await patient.getByText('Your intake was sent').waitFor();
  });

  test('the nurse sees the list, adds a medicine, reconciles and stops one', async () => {
    await login(nurse, server.baseUrl, DEMO_LOGINS.nurse);
    await openChart(nurse, server.baseUrl, 'Demoreaux', 'Demoreaux, Jordan');
    await nurse.getByRole('tab', { name: 'Medications & allergies' }).click();
    const meds = nurse.getByRole('table', { name: 'Medication list' });
    const phenelzine = meds.getByTestId('entry-Phenelzine');
    await phenelzine.getByText('MAO inhibitor').waitFor();
    await phenelzine.getByText('Patient-reported (intake)').waitFor();
    await phenelzine.getByText('Active, not reconciled').waitFor();
    await nurse
      .getByRole('table', { name: 'Allergy list' })
      .getByText('Penicillin', { exact: true })
      .waitFor();

    await nurse.getByRole('button', { name: 'Add a medicine' }).click();
    const add = nurse.getByRole('form', { name: 'Add a medicine' });
    await add.getByRole('combobox', { name: 'Medicine' }).fill('Lorazepam');
    await add.getByLabel('Dose').fill('0.5 mg');
    await add.getByLabel('How often').fill('at night');
    await add.getByRole('button', { name: 'Add medicine' }).click();
    const lorazepam = meds.getByTestId('entry-Lorazepam');
    await lorazepam.getByText('Benzodiazepine', { exact: true }).waitFor();
    await lorazepam.getByText('Added by staff').waitFor();

    await phenelzine.getByLabel('Select Phenelzine to reconcile').check();
    await lorazepam.getByLabel('Select Lorazepam to reconcile').check();
    await nurse.getByRole('button', { name: 'Reconcile selected (2)' }).click();
    await phenelzine.getByText(/^Reconciled by /).waitFor();
    await lorazepam.getByText('Active, reconciled').waitFor();
    await expectNoSeriousAxeViolations(nurse);
    await screenshot(nurse, 'medications-02-reconciled');

    await lorazepam.getByRole('button', { name: 'Stop Lorazepam' }).click();
    await nurse.getByLabel('Why is Lorazepam stopped?').fill('Tapered off before treatment');
    await nurse.getByRole('button', { name: 'Confirm' }).click();
    await lorazepam.getByText('Stopped', { exact: true }).waitFor();
    await lorazepam.getByText(/Tapered off before treatment/).waitFor();
    expect(await phenelzine.getByText('Active, reconciled').count()).toBe(1);
    await screenshot(nurse, 'medications-03-stopped');
  });

  test('eligibility reads the list: the MAO inhibitor is flagged for the prescriber', async () => {
    const prescriber = await newPage(browser);
    await login(prescriber, server.baseUrl, DEMO_LOGINS.prescriber);
    await openChart(prescriber, server.baseUrl, 'Demoreaux', 'Demoreaux, Jordan');
    await prescriber.getByRole('tab', { name: 'Intake & eligibility' }).click();
    await prescriber.getByRole('button', { name: 'Evaluate eligibility' }).click();
    await prescriber.getByText('Prescriber review required').waitFor();
    const fired = prescriber.getByRole('table', { name: 'Rules that fired' });
    await fired.getByText(/MAO inhibitor on the medication list/).waitFor();
    expect(await fired.getByText(/Benzodiazepine on the medication list/).count()).toBe(0);
    await screenshot(prescriber, 'medications-04-eligibility');
  });
});
