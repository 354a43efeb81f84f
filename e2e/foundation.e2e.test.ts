/**
 * Foundation journey in headless Chromium against a real server on a fresh embedded database:
 * log in → find a patient → open the chart → log out, by keyboard alone, with axe-core on the main screens
 * (WCAG 2.1 AA: no serious/critical violation), nothing in browser storage (patient data never
 * goes to localStorage/sessionStorage/IndexedDB), `Cache-Control: no-store` on patient data
 * (so no copy is left in HTTP caches), and idle expiry in the browser (HIPAA §164.312(a)(2)(iii)
 * automatic logoff).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type Browser,
  browserStorage,
  cspViolations,
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

const EMPTY = { localStorage: [], sessionStorage: [], indexedDB: [] };

describeBrowser('foundation journey', () => {
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

  test('the app and API answer with the browser-edge headers', async () => {
    const page = await newPage(browser);
    const app = await page.goto(`${server.baseUrl}/login`);
    const api = await page.request.get(`${server.baseUrl}/api/v1/me`);
    for (const headers of [app?.headers() ?? {}, api.headers()]) {
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).toMatch(/script-src 'self';/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['strict-transport-security']).toBeUndefined(); // plain HTTP
    }
    await page.context().close();
  });

  const patientsNav = (page: Page) =>
    page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Patients', exact: true });

  /** The session cookie header of the page's context, to replay it outside the browser. */
  async function cookieHeader(page: Page): Promise<string> {
    const cookies = await page.context().cookies(server.baseUrl);
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  test('nurse: log in, find a patient, open the chart, log out', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('Email').waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'foundation-01-login');

    // Keyboard only: the email field has focus on arrival, Tab to the password, Enter submits.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
    await page.keyboard.type(DEMO_LOGINS.nurse);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Account menu' }).waitFor();
    // The home page depends on the features installed; the patient list is always in the navigation.
    await patientsNav(page).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Patients' }).waitFor();
    expect(await browserStorage(page)).toEqual(EMPTY);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'foundation-02-patients');

    await page.getByLabel('Search patients').fill('Demoreaux');
    const link = page.getByRole('link', { name: 'Demoreaux, Jordan' });
    await link.waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Patients' }).getByRole('row').count()).toBe(2);
    await screenshot(page, 'foundation-03-search');
    // Keyboard: Tab from the search field reaches the patient's link; Enter opens the chart.
    for (let i = 0; i < 5 && !(await link.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Demoreaux, Jordan', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Demographics' }).waitFor();
    await expect.poll(() => page.url()).toMatch(/\/patients\/[0-9a-f-]{36}$/);
    const details = page.getByRole('main');
    for (const text of ['1988-04-12', '919-555-0101', 'patient@freshstart.example', 'Raleigh']) {
      await expect
        .poll(() => details.getByText(text, { exact: false }).count(), { message: text })
        .toBeGreaterThan(0);
    }
    expect(page.url()).not.toMatch(/Demoreaux|Jordan/i); // names never in URLs
    expect(await browserStorage(page)).toEqual(EMPTY);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'foundation-04-chart');

    // The patient response itself must not be cached anywhere.
    const patientUrl = `${server.baseUrl}/api/v1/patients/${page.url().split('/').pop()}`;
    const res = await page.request.get(patientUrl);
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toBe('no-store');

    const cookie = await cookieHeader(page);
    expect(cookie).toContain('plasticity_session=');
    // Keyboard: open the account menu with Enter, pick "Log out" with the arrow keys.
    await page.getByRole('button', { name: 'Account menu' }).focus();
    await page.keyboard.press('Enter');
    const logOut = page.getByRole('menuitem', { name: 'Log out' });
    await logOut.waitFor();
    for (let i = 0; i < 4 && !(await logOut.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.getByLabel('Email').waitFor();
    await page.getByText('You have signed out.').waitFor();
    await screenshot(page, 'foundation-05-logged-out');
    expect(await browserStorage(page)).toEqual(EMPTY);

    // The old cookie is revoked on the server, not merely forgotten by the browser.
    const replay = await fetch(patientUrl, { headers: { cookie } });
    expect(replay.status).toBe(401);
    await page.context().close();
  });

  test('admin: the audit report passes axe and lists the admin’s own chart read', async () => {
    const page = await newPage(browser);
    await login(page, server.baseUrl, DEMO_LOGINS.admin);
    await patientsNav(page).click();
    await page.getByRole('link', { name: 'Demoreaux, Jordan' }).click();
    await page.getByRole('heading', { name: 'Demoreaux, Jordan', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Audit report' }).click();
    await page.getByRole('heading', { name: 'Audit report', level: 1 }).waitFor();
    await page.getByText(/of \d+ entries/).waitFor();
    // Sealing runs in the background; the read shows up as soon as it is committed.
    const readRow = page
      .getByRole('row')
      .filter({ hasText: DEMO_LOGINS.admin })
      .filter({ hasText: 'Viewed' })
      .filter({ hasText: 'Demoreaux, Jordan' });
    await expect.poll(() => readRow.count()).toBeGreaterThan(0);
    expect(await browserStorage(page)).toEqual(EMPTY);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'foundation-06-audit');
    await page.context().close();
  });

  /** Signs the nurse in under a fake clock, lets `idleSec` pass untouched, expects the login page. */
  async function expectIdleLogout(shot: string, expectedIdleSec?: number) {
    const page = await newPage(browser);
    await page.clock.install();
    await login(page, server.baseUrl, DEMO_LOGINS.nurse);
    await patientsNav(page).click();
    await page.getByRole('table', { name: 'Patients' }).waitFor();
    const me = (await (await page.request.get(`${server.baseUrl}/api/v1/me`)).json()) as {
      user: { idleTimeoutSec: number };
    };
    const idleSec = me.user.idleTimeoutSec;
    if (expectedIdleSec !== undefined) expect(idleSec).toBe(expectedIdleSec);
    await page.clock.fastForward(Math.max(0, idleSec - 5) * 1000);
    expect(await page.getByLabel('Email').count()).toBe(0); // not yet
    await page.clock.fastForward(6_000);
    await page.getByText('Your session expired after inactivity').waitFor();
    await page.getByLabel('Email').waitFor();
    await screenshot(page, shot);
    expect(await browserStorage(page)).toEqual(EMPTY);
    // The browser also ended the server session.
    await expect.poll(async () => (await page.request.get(`${server.baseUrl}/api/v1/me`)).status()).toBe(401);
    await page.context().close();
  }

  test('an idle session ends in the browser with the expiry message (clinic default)', async () => {
    await expectIdleLogout('foundation-07-idle-expired');
  });

  // Last: it changes the demo clinic's settings.
  test('an admin shortens the idle timeout to 1 minute and the browser follows it', async () => {
    const admin = await newPage(browser);
    await login(admin, server.baseUrl, DEMO_LOGINS.admin);
    const me = await admin.request.get(`${server.baseUrl}/api/v1/me`);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const patched = await admin.request.patch(`${server.baseUrl}/api/v1/clinic/settings`, {
      headers: { 'x-csrf-token': csrfToken, origin: server.baseUrl },
      data: { idleTimeoutMin: 1 },
      timeout: 15_000,
    });
    expect(patched.status()).toBe(200);
    expect(((await patched.json()) as { idleTimeoutMin: number }).idleTimeoutMin).toBe(1);
    await admin.context().close();
    await expectIdleLogout('foundation-08-idle-1-minute', 60);
  });

  test('no page of the journey broke the Content-Security-Policy', () => {
    expect(cspViolations).toEqual([]);
  });
});
