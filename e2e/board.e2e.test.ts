/**
 * Live board at a clinic's screen size: 12 chairs on a 1440×900 screen with the app shell,
 * every card fully visible without scrolling, in natural chair order (1, 2, … 10, 11, 12); a discharged
 * session stays for the clinic's minutes; a new alert appears without reload and leaves once acknowledged;
 * the chart's Sessions tab lists the discharged session with its dose; the session page says who
 * acknowledged the alert and when.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  apiAs,
  type Browser,
  DEMO_LOGINS,
  describeBrowser,
  login,
  newPage,
  openBrowser,
  type Server,
  screenshot,
  startServer,
} from './harness.ts';

/** A logged-in API caller outside the browser (cookie + CSRF), for set-up. */

describeBrowser('live board at 1440×900', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('12 chairs fit the screen in natural order; alerts come and go live; the chart lists the session given', async () => {
    const nurseApi = await apiAs(server.baseUrl, DEMO_LOGINS.nurse);
    const prescriberApi = await apiAs(server.baseUrl, DEMO_LOGINS.prescriber);
    const before = (await nurseApi('GET', '/api/v1/board')).body;
    const taken = new Set(before.sessions.map((s: { patient: { id: string } }) => s.patient.id));
    const booked = new Set(before.sessions.map((s: { chair: string }) => s.chair));
    // The demo clinic has chairs 1–3 in use; book chairs 4–12 in a shuffled order for other demo patients.
    const chairs = ['10', '4', '12', '7', '5', '11', '9', '6', '8'].filter((c) => !booked.has(c));
    const patients = (await nurseApi('GET', '/api/v1/patients?limit=50')).body.items as Array<{
      id: string;
    }>;
    const sessionOf = new Map<string, string>();
    for (const p of patients) {
      const chair = chairs[0];
      if (!chair) break;
      if (taken.has(p.id)) continue;
      const r = await nurseApi('POST', '/api/v1/sessions', {
        patientId: p.id,
        protocolId: 'default-iv-ketamine-trd',
        scheduledAt: new Date().toISOString(),
        chair,
      });
      if (r.status !== 201) continue; // e.g. a demo patient with an open session already
      sessionOf.set(chair, r.body.id);
      chairs.shift();
    }
    expect(chairs).toEqual([]);

    // Chair 2 (in recovery, dose recorded) is discharged: it stays on the board for the clinic's minutes.
    const chair2 = before.sessions.find((s: { chair: string }) => s.chair === '2');
    const discharged = await prescriberApi('POST', `/api/v1/sessions/${chair2.id}/transition`, {
      to: 'discharged',
      overrideReason: 'discharge criteria confirmed at the bedside',
    });
    expect(discharged.status).toBe(200);

    const page = await newPage(browser, { viewport: { width: 1440, height: 900 } });
    await login(page, server.baseUrl, DEMO_LOGINS.nurse);
    await page.goto(`${server.baseUrl}/board`);
    await page.getByRole('heading', { name: 'Live board' }).waitFor();
    const cards = page.locator('[data-testid^="chair-"]');
    await expect.poll(() => cards.count()).toBe(12);
    const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => `chair-${i + 1}`));
    const boxes = await cards.evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
      }),
    );
    for (const [i, b] of boxes.entries()) {
      expect(b.top, `chair ${i + 1} top`).toBeGreaterThanOrEqual(0);
      expect(b.left, `chair ${i + 1} left`).toBeGreaterThanOrEqual(0);
      expect(b.bottom, `chair ${i + 1} bottom`).toBeLessThanOrEqual(900);
      expect(b.right, `chair ${i + 1} right`).toBeLessThanOrEqual(1440);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect.poll(() => page.getByTestId('chair-2').textContent()).toContain('Discharged');
    await screenshot(page, 'board-12-chairs-1440x900');

    // A low SpO₂ on chair 4 appears on its card without reload; acknowledged, it leaves.
    const chair4 = sessionOf.get('4') as string;
    const low = await nurseApi('POST', `/api/v1/sessions/${chair4}/vitals`, {
      idempotencyKey: 'board-e2e-low',
      readings: [{ at: new Date().toISOString(), spo2: 86, hr: 80, sbp: 120, dbp: 78, rr: 14 }],
    });
    expect(low.status).toBe(201);
    const card4 = page.getByTestId('chair-4');
    await card4.getByTestId('board-alert').waitFor({ timeout: 5000 });
    expect(await card4.getByTestId('board-alert').textContent()).toContain('SpO₂ 86');
    await screenshot(page, 'board-alert-live');
    const alertId = low.body.alerts[0].id as string;
    const ack = await nurseApi('POST', `/api/v1/alerts/${alertId}/ack`, {
      note: 'repositioned, SpO2 back to 97',
    });
    expect(ack.status).toBe(200);
    await card4.getByTestId('board-alert').waitFor({ state: 'detached', timeout: 5000 });

    // The session page says who acknowledged it and when.
    await page.goto(`${server.baseUrl}/sessions/${chair4}`);
    const acked = page.getByTestId('session-alert-acknowledged');
    await acked.waitFor();
    expect(await acked.textContent()).toMatch(
      /acknowledged by .+ at \d{4}-\d{2}-\d{2} \d{2}:\d{2}: repositioned/,
    );

    // The chart's Sessions tab lists the discharged session with its dose.
    await page.goto(`${server.baseUrl}/patients/${chair2.patient.id}/sessions`);
    const row = page.getByTestId('patient-session').first();
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toMatch(/\d+(\.\d+)? mg ketamine IV/);
    expect(text).toContain('Discharged');
    await screenshot(page, 'chart-sessions-tab');
  }, 120_000);
});
