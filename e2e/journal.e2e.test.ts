/**
 * Journal journey in headless Chromium against a real server with the demo clinic: the patient, on a phone,
 * checks in their mood with one tap, writes a private entry and a shared one (with a prompt for their phase)
 * → the therapist opens the patient's chart and sees the shared entry and the mood trend, never the private
 * entry → the patient's "My progress" shows the mood beside the scales. axe-core on each new screen.
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
  startServer,
} from './harness.ts';

const PHONE = { width: 390, height: 844 };
const PRIVATE = 'Private thought from the journey: not for the clinic.';
const SHARED = 'Shared thought from the journey: the fear passed when I let it.';

describeBrowser(
  'journal journey: private and shared entries on a phone → the therapist sees the shared one',
  () => {
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
      for (const pg of [phone, therapist])
        pg.on('pageerror', (e) => console.error(`page error: ${e.message}`));
      const patient = await apiAs(server.baseUrl, DEMO_LOGINS.patient);
      const me = await patient('GET', '/api/v1/me');
      patientId = me.body.user.patientId;
    }, 120_000);
    afterEach(async (c) => {
      if (c.task.result?.state !== 'fail') return;
      for (const [pg, name] of [
        [phone, 'journal-failed-phone'],
        [therapist, 'journal-failed-therapist'],
      ] as const) {
        // A failure screenshot that cannot be taken is reported, not hidden.
        await screenshot(pg, name).catch((e: unknown) =>
          console.error(`no screenshot ${name}: ${String(e)}`),
        );
      }
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    test('the patient checks in and writes a private and a shared entry on a phone', async () => {
      await login(phone, server.baseUrl, DEMO_LOGINS.patient);
      await phone.goto(`${server.baseUrl}/journal`);
      await phone.getByRole('heading', { name: 'My journal' }).waitFor();
      await phone
        .getByRole('group', { name: 'Mood from 0 to 10' })
        .getByRole('button', { name: '7 out of 10' })
        .click();
      await phone.getByText('Today’s check-in: 7 out of 10.').waitFor();

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
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await expectNoSeriousAxeViolations(phone);
      await screenshot(phone, 'journal-phone');
    }, 120_000);

    test('the therapist sees the shared entry and the mood trend, never the private entry', async () => {
      await login(therapist, server.baseUrl, DEMO_LOGINS.therapist);
      await therapist.goto(`${server.baseUrl}/patients/${patientId}/journal`);
      await therapist.getByText(SHARED).waitFor();
      await therapist.getByRole('img', { name: /^Mood from 0 to 10/ }).waitFor();
      expect(await therapist.getByText(PRIVATE).count()).toBe(0);
      expect(await therapist.content()).not.toContain('Private thought from the journey');
      await expectNoSeriousAxeViolations(therapist);

      await therapist.goto(`${server.baseUrl}/journal-prompts`);
      await therapist.getByRole('heading', { name: 'Journal prompts' }).waitFor();
      await expectNoSeriousAxeViolations(therapist);
    }, 120_000);

    test('the patient’s progress shows the daily mood beside the scales', async () => {
      await phone.goto(`${server.baseUrl}/progress`);
      await phone.getByRole('heading', { name: 'My daily mood' }).waitFor();
      await expectNoSeriousAxeViolations(phone);
    }, 60_000);
  },
);
