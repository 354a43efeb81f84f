/**
 * Administration journey in headless Chromium against a real server (demo clinic): the
 * clinic's IV protocol is set to a maximum of 0.75 mg/kg under a ceiling of 1.0 mg/kg; Jordan Demoreaux
 * (72 kg, active IV plan at 0.5 mg/kg) is in chair 7, dosing. The nurse's dose form is pre-filled from the
 * plan and the calculator (36 mg); 200 mg (2.78 mg/kg) is refused with every failing item listed; the
 * prescriber records 0.9 mg/kg with an override the nurse verifies with her password; the infusion's
 * progress shows on the session page and the board.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  apiAs,
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

describeBrowser('administration journey: pre-filled dose, refused overdose, witnessed override', () => {
  let server: Server;
  let browser: Browser;
  let sessionUrl: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    const prescriber = await apiAs(server.baseUrl, DEMO_LOGINS.prescriber);
    const nurse = await apiAs(server.baseUrl, DEMO_LOGINS.nurse);
    const protocols = await prescriber('GET', '/api/v1/protocols');
    const iv = protocols.body.items.find(
      (p: { key: string; current: boolean }) => p.key === 'default-iv-ketamine-trd' && p.current,
    );
    const edit = await prescriber('PUT', `/api/v1/protocols/${iv.id}`, {
      protocol: {
        ...iv.protocol,
        dose: { ...iv.protocol.dose, protocolMaxMgPerKg: 0.75, absoluteCeilingMgPerKg: 1.0 },
      },
      changeNote: 'Clinic maximum 0.75 mg/kg',
    });
    expect([200, 201]).toContain(edit.status);
    const found = await nurse('GET', '/api/v1/patients?query=Demoreaux');
    const patientId = found.body.items[0].id as string;
    const s = await nurse('POST', '/api/v1/sessions', {
      patientId,
      protocolId: 'default-iv-ketamine-trd',
      scheduledAt: new Date().toISOString(),
      chair: '7',
    });
    expect(s.status).toBe(201);
    const id = s.body.id as string;
    await nurse('POST', `/api/v1/sessions/${id}/transition`, { to: 'checked_in' });
    await nurse('POST', `/api/v1/sessions/${id}/transition`, { to: 'pre_assessment' });
    await nurse('POST', `/api/v1/sessions/${id}/vitals`, {
      idempotencyKey: 'baseline',
      readings: [{ at: new Date().toISOString(), sbp: 124, dbp: 78, hr: 70, spo2: 98, rr: 14 }],
    });
    const dosing = await prescriber('POST', `/api/v1/sessions/${id}/transition`, {
      to: 'dosing',
      overrideReason: 'Checklist records verified on paper for this journey',
    });
    expect(dosing.status).toBe(200);
    sessionUrl = `${server.baseUrl}/sessions/${id}`;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the nurse sees the plan’s dose pre-filled and 200 mg refused; the prescriber records a witnessed override', async () => {
    const nurse = await newPage(browser, { viewport: { width: 1400, height: 1100 } });
    await login(nurse, server.baseUrl, DEMO_LOGINS.nurse);
    await nurse.goto(sessionUrl);
    const plan = nurse.getByTestId('dose-plan');
    await plan.waitFor();
    expect(await plan.textContent()).toMatch(/^Plan: 0\.5 mg\/kg \(36 mg for 72 kg\) over 40 min/);
    expect(await nurse.getByLabel('Dose (mg)', { exact: true }).inputValue()).toBe('36');
    await nurse
      .getByTestId('dose-check')
      .getByText(/Within the protocol: 0\.5 mg\/kg/)
      .waitFor();
    await screenshot(nurse, 'administration-01-prefilled');

    await nurse.getByLabel('Dose (mg)', { exact: true }).fill('200');
    await nurse.getByText('This dose cannot be given under this protocol').waitFor();
    await nurse.getByLabel('Why is this dose not drawn from the register?').fill('Vial from the crash cart');
    await nurse.getByRole('button', { name: 'Record dose' }).click();
    const refusal = nurse.getByRole('alert').filter({ hasText: 'Dose not recorded' });
    await refusal
      .getByText(/dose 200 mg \(2\.78 mg\/kg of 72 kg\) is above the absolute ceiling of 1 mg\/kg/)
      .waitFor();
    await refusal.getByText(/differs from the plan’s prescribed dose of 0\.5 mg\/kg \(36 mg\)/).waitFor();
    await screenshot(nurse, 'administration-02-refused-overdose');

    const prescriber = await newPage(browser, { viewport: { width: 1400, height: 1300 } });
    await login(prescriber, server.baseUrl, DEMO_LOGINS.prescriber);
    await prescriber.goto(sessionUrl);
    await prescriber.getByTestId('dose-plan').waitFor();
    await prescriber.getByLabel('Dose (mg)', { exact: true }).fill('64.8');
    await prescriber.getByText('Above the protocol maximum: needs an override').waitFor();
    await prescriber
      .getByLabel('Why is this dose not drawn from the register?')
      .fill('Vial from the crash cart');
    await prescriber
      .getByLabel('Why does the dose differ from the plan?')
      .fill('Partial response at 0.5 mg/kg');
    await prescriber
      .getByLabel('Reason for exceeding the protocol maximum')
      .fill('Partial response after four infusions at 0.5 mg/kg');
    await prescriber.getByLabel('Verifying clinician’s email').fill(DEMO_LOGINS.nurse);
    await prescriber.getByLabel('Verifying clinician’s password').fill(DEMO_PASSWORD);
    await screenshot(prescriber, 'administration-03-override-form');
    await prescriber.getByRole('button', { name: 'Record dose' }).click();
    const row = prescriber.getByTestId('administration');
    await row.getByText(/ketamine iv 64\.8 mg \(0\.9 mg\/kg\)/).waitFor();
    await row.getByText(/Override of the protocol maximum: Partial response after four infusions/).waitFor();
    await row.getByText(/Infusion: Running · 0 of 40 min/).waitFor();
    await screenshot(prescriber, 'administration-04-witnessed-override');

    await prescriber.goto(`${server.baseUrl}/board`);
    await prescriber
      .getByTestId('chair-7')
      .getByTestId('board-dose')
      .getByText(/Given 64\.8 mg · Running/)
      .waitFor();
    await screenshot(prescriber, 'administration-05-board');
  }, 180_000);
});
