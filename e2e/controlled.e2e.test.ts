/**
 * Controlled-substance journey in headless Chromium against a real server with
 * the demo clinic: a nurse draws ketamine for a patient from an opened vial, records what was given,
 * wastes the remainder with a prescriber co-signing by password on the same screen, and the
 * end-of-day two-person count matches the ledger. Checks the witness password is never kept in
 * browser storage and that a wrong witness password is refused before anything is recorded.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type Browser,
  browserStorage,
  DEMO_LOGINS,
  DEMO_PASSWORD,
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

interface StockRow {
  id: string;
  label: string;
  balance: string;
  unit: string;
  status: string;
}

async function apiStock(baseUrl: string): Promise<StockRow[]> {
  const r = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_LOGINS.prescriber, password: DEMO_PASSWORD }),
  });
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const stock = (await fetch(`${baseUrl}/api/v1/controlled/stock`, { headers: { cookie } }).then((x) =>
    x.json(),
  )) as { items: StockRow[] };
  return stock.items;
}

async function openMovement(page: Page, label: string) {
  await page.getByRole('button', { name: `Record movement for ${label}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

describeBrowser('controlled-substance journey', () => {
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

  test('nurse draws for a patient, gives, wastes the rest with a witness; the end-of-day count matches', async () => {
    const page = await newPage(browser);
    await login(page, server.baseUrl, DEMO_LOGINS.nurse);
    await page.getByRole('link', { name: /Controlled substances/ }).click();
    const shelf = page.getByRole('table', { name: 'Stock in Medication room shelf' });
    await shelf.waitFor();
    await expect.poll(() => page.getByTestId('balance-Vial K-003').textContent()).toBe('8.8 mL');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'controlled-01-stock');

    // 1. Draw 1.5 mL for Jordan Demoreaux (session id optional until the session module links it).
    let dialog = await openMovement(page, 'Vial K-003');
    await dialog.getByRole('combobox', { name: 'Movement' }).selectOption('draw');
    await dialog.getByLabel('Quantity (mL)').fill('1.5');
    await dialog
      .getByRole('combobox', { name: 'Patient' })
      .selectOption({ label: 'Demoreaux, Jordan (MRN-000001)' });
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'controlled-02-draw-form');
    await dialog.getByRole('button', { name: 'Record' }).click();
    await dialog.getByText('Recorded. Vial K-003 now holds 7.3 mL.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('balance-Vial K-003').textContent()).toBe('7.3 mL');

    // 2. Administer 1.2 mL of that draw (the form proposes the open draw).
    dialog = await openMovement(page, 'Vial K-003');
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Movement' }).inputValue())
      .toBe('administer');
    await dialog.getByLabel('Quantity (mL)').fill('1.2');
    await dialog.getByRole('button', { name: 'Record' }).click();
    await dialog.getByText('Recorded. Vial K-003 now holds 7.3 mL.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    // 3. Waste the 0.3 mL remainder: a wrong witness password is refused and nothing is recorded…
    dialog = await openMovement(page, 'Vial K-003');
    await dialog.getByRole('combobox', { name: 'Movement' }).selectOption('waste');
    await dialog.getByLabel('Quantity (mL)').fill('0.3');
    await dialog.getByLabel('Reason').fill('syringe remainder after dose');
    await dialog.getByLabel('Witness email').fill(DEMO_LOGINS.prescriber);
    await dialog.getByLabel('Witness password').fill('not-the-right-password');
    await dialog.getByRole('button', { name: 'Record' }).click();
    await dialog.getByText('witness email, password or code is wrong', { exact: true }).waitFor();
    await screenshot(page, 'controlled-03-witness-refused');
    // …then the prescriber signs with the right password.
    await dialog.getByLabel('Witness password').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Record' }).click();
    await dialog.getByText('Recorded. Vial K-003 now holds 7.3 mL.').waitFor();
    await screenshot(page, 'controlled-04-waste-recorded');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const stored = await browserStorage(page);
    expect(JSON.stringify(stored)).not.toContain(DEMO_PASSWORD);

    // The draw is fully accounted for: 1.5 = 1.2 given + 0.3 wasted.
    const row = shelf.getByRole('row', { name: /Vial K-003/ });
    await expect.poll(() => row.getByRole('cell').nth(6).textContent()).toBe('—');

    // 4. Ledger shows the three entries with running balances.
    await page.getByRole('tab', { name: 'Ledger' }).click();
    const ledger = page.getByRole('table', { name: 'Ledger' });
    await ledger.waitFor();
    await expect
      .poll(() =>
        ledger
          .getByRole('row')
          .filter({ hasText: 'Wasted (from the dose drawn)' })
          .filter({ hasText: 'Dr. Pat Prescriber' })
          .count(),
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'controlled-05-ledger');

    // 5. End-of-day count by two people: the nurse counts what is physically there (the demo's
    //    physical stock equals the ledger), the prescriber co-signs; no discrepancy opens.
    const physical = (await apiStock(server.baseUrl)).filter((s) => s.status !== 'empty');
    await page.getByRole('tab', { name: 'Count' }).click();
    await page.getByRole('table', { name: 'Count sheet' }).waitFor();
    for (const s of physical) await page.getByLabel(`Counted ${s.label} (${s.unit})`).fill(s.balance);
    await page.getByLabel('Witness email').fill(DEMO_LOGINS.prescriber);
    await page.getByLabel('Witness password').fill(DEMO_PASSWORD);
    await screenshot(page, 'controlled-06-count-sheet');
    await page.getByRole('button', { name: 'Submit count' }).click();
    await page.getByText('Count matches the ledger').waitFor();
    await page.getByText(`${physical.length} container(s) match.`).waitFor();
    await screenshot(page, 'controlled-07-count-matches');
    expect((await apiStock(server.baseUrl)).find((s) => s.label === 'Vial K-003')?.balance).toBe('7.3');
  }, 180_000);
});
