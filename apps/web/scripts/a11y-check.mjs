// Runs axe-core on the built web app's main pages in headless Chromium, against mock-api.mjs.
//   npm run build -w @plasticity/web && node apps/web/scripts/a11y-check.mjs [screenshot-dir]
// Exits 1 on any serious or critical violation. CHROMIUM_PATH overrides /usr/bin/chromium.

import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startMockServer } from './mock-api.mjs';

const require = createRequire(import.meta.url);
const axeSource = require('node:fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = process.argv[2];
if (shots) await mkdir(shots, { recursive: true });

const server = await startMockServer(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
let failures = 0;

async function check(page, name) {
  await page.waitForTimeout(300);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(
    async () => await window.axe.run(document, { resultTypes: ['violations'] }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = result.violations.filter((v) => !bad.includes(v));
  console.log(
    `${bad.length ? '✗' : '✓'} ${name}${other.length ? `  (minor: ${other.map((v) => v.id).join(', ')})` : ''}`,
  );
  for (const v of [...bad, ...other]) {
    console.log(`    ${v.impact} ${v.id}: ${v.help}`);
    for (const n of v.nodes.slice(0, 3))
      console.log(`      ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`);
  }
  failures += bad.length;
  if (shots) await page.screenshot({ path: `${shots}/${name.replace(/\W+/g, '-')}.png`, fullPage: true });
}

async function signIn(page, email) {
  await page.request.post(`${base}/api/v1/auth/logout`); // the mock holds one global session
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Account menu' }).waitFor();
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').waitFor();
  await check(page, 'login');
  await page.getByLabel('Email').fill('mfa@demo.test');
  await page.getByLabel('Password', { exact: true }).fill('x');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Authentication code').fill('000000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('That code is not valid').waitFor();
  await check(page, 'login-mfa-error');

  await signIn(page, 'admin@demo.test');
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
  await page.getByRole('table').waitFor();
  await check(page, 'patients');
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByRole('dialog').waitFor();
  await check(page, 'new-patient');
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Lovelace, Ada' }).click();
  await page.getByRole('tab', { name: 'Demographics' }).waitFor();
  await check(page, 'chart');
  await page.getByRole('button', { name: 'Edit demographics' }).click();
  await check(page, 'chart-edit');
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('table').waitFor();
  await check(page, 'users');
  await page.getByRole('link', { name: 'Clinic settings' }).click();
  await page.getByLabel('Clinic name').waitFor();
  await check(page, 'clinic-settings');
  await page.getByRole('link', { name: 'Audit report' }).click();
  await page.getByText(/of 137 entries/).waitFor();
  await check(page, 'audit');
  await page.getByRole('button', { name: 'Account menu' }).click();
  await check(page, 'user-menu');
  await page.getByRole('menuitem', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Set up authenticator app' }).click();
  await page.getByRole('img').waitFor();
  await check(page, 'account-mfa');
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await page.getByLabel('Email').waitFor();

  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const p2 = await phone.newPage();
  await signIn(p2, 'patient@demo.test');
  await p2.getByText('12 Elm St').waitFor();
  await check(p2, 'portal-phone');
  await p2.goto(`${base}/accept/abcdefghijklmnopqrstuvwxyz`);
  await p2.getByLabel('New password').waitFor();
  await check(p2, 'accept-invite-phone');
  const p3 = await phone.newPage();
  await signIn(p3, 'nurse@demo.test');
  await p3.getByRole('table').waitFor();
  await check(p3, 'patients-phone');
} finally {
  await browser.close();
  server.close();
}
console.log(failures ? `${failures} serious/critical violation(s)` : 'no serious or critical violations');
process.exit(failures ? 1 : 0);
