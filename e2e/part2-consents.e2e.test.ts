/**
 * 42 CFR Part 2 disclosure consents journey in headless Chromium against a real server with the demo clinic: the
 * admin has registered a FHIR system client (through the API: set-up, not the journey) → a nurse opens the
 * patient's Consents tab, records a disclosure consent naming that client and sees it in force → revokes it after
 * the confirmation and sees it revoked → the admin sees the consent and the accounting of disclosures, which a
 * nurse is not shown. axe-core on each screen (WCAG 2.1 AA, no serious/critical).
 */
import { generateKeyPairSync } from 'node:crypto';
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
  openChart,
  type Page,
  type Server,
  screenshot,
  screenshotsOnFailure,
  startServer,
} from './harness.ts';

const RECIPIENT = 'Riverbend Primary Care';
const CARD = 'Disclosure consents (42 CFR Part 2)';

async function openConsents(page: Page, baseUrl: string) {
  await openChart(page, baseUrl, 'Demoreaux', 'Demoreaux, Jordan');
  await page.getByRole('tab', { name: 'Consents' }).click();
  return page.getByRole('region', { name: CARD });
}

describeBrowser('Part 2 disclosure consents journey: record → in force → revoke → accounting', () => {
  let server: Server;
  let browser: Browser;
  let nurse: Page;
  let admin: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    nurse = await newPage(browser);
    admin = await newPage(browser);
    for (const pg of [nurse, admin]) pg.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    const asAdmin = await apiAs(server.baseUrl, DEMO_LOGINS.admin);
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'e2e-1', alg: 'RS384' };
    const r = await asAdmin('POST', '/api/v1/fhir-clients', {
      name: RECIPIENT,
      publicKey: jwk,
      scopes: ['system/*.rs'],
    });
    expect(r.status).toBe(201);
  }, 120_000);
  afterEach(async (c) => {
    if (c.task.result?.state !== 'fail') return;
    await screenshotsOnFailure([
      [nurse, 'part2-failed-nurse'],
      [admin, 'part2-failed-admin'],
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a nurse records a disclosure consent naming the system client and sees it in force', async () => {
    await login(nurse, server.baseUrl, DEMO_LOGINS.nurse);
    const card = await openConsents(nurse, server.baseUrl);
    await card.getByRole('button', { name: 'Record a disclosure consent' }).click();
    await card.getByRole('combobox', { name: 'Recipient' }).click();
    await nurse.getByRole('option', { name: RECIPIENT }).click();
    await card
      .getByLabel('Purpose of the disclosure')
      .fill('Coordination of care with my primary care practice');
    await card.getByLabel('Only these kinds').check();
    await card.getByLabel('Vital signs and measurements').check();
    await card.getByLabel('Questionnaire answers').check();
    await card
      .getByLabel('Information to be disclosed, as written on the signed form')
      .fill('My vital signs and questionnaire scores');
    await card.getByLabel('Or expires upon (event)').fill('The end of my treatment at the clinic');
    await card.getByLabel('Signed by (patient or authorized person)').fill('Jordan Demoreaux');
    await expectNoSeriousAxeViolations(nurse);
    await card.getByRole('button', { name: 'Record consent' }).click();
    const row = card.getByRole('article', { name: `Consent to disclose to ${RECIPIENT}` });
    await row.getByText('In force').waitFor();
    await row.getByText('Expires: The end of my treatment at the clinic').waitFor();
    expect(await row.getByRole('link', { name: 'PDF' }).getAttribute('href')).toMatch(/\/pdf$/);
    expect(await card.getByRole('table').count()).toBe(0);
    await expectNoSeriousAxeViolations(nurse);
    await screenshot(nurse, 'part2-01-recorded');
  });

  test('the nurse records the patient’s revocation after the confirmation', async () => {
    const row = nurse.getByRole('article', { name: `Consent to disclose to ${RECIPIENT}` });
    await row.getByRole('button', { name: 'Record revocation' }).click();
    const dialog = nurse.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('The patient revoked it in writing');
    await expectNoSeriousAxeViolations(nurse);
    await dialog.getByRole('button', { name: 'Confirm revocation' }).click();
    await row.getByText('Revoked', { exact: true }).waitFor();
    await row.getByText(/The patient revoked it in writing/).waitFor();
    expect(await row.getByRole('button', { name: 'Record revocation' }).count()).toBe(0);
    await screenshot(nurse, 'part2-02-revoked');
  });

  test('the admin sees the consent and the accounting of disclosures', async () => {
    await login(admin, server.baseUrl, DEMO_LOGINS.admin);
    const card = await openConsents(admin, server.baseUrl);
    await card
      .getByRole('article', { name: `Consent to disclose to ${RECIPIENT}` })
      .getByText('Revoked', { exact: true })
      .waitFor();
    await card.getByRole('heading', { name: 'Accounting of disclosures' }).waitFor();
    await card
      .getByText(/No records have been disclosed under a consent|Date and time/)
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(admin);
    await card.getByRole('heading', { name: 'Accounting of disclosures' }).scrollIntoViewIfNeeded();
    await screenshot(admin, 'part2-03-admin-accounting');
  });
});
