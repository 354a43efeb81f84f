/**
 * The demo clinic's integration care path: the therapist's worklist has a due, an overdue and a booked visit
 * whatever the hour the demo starts; preparation records show for the portal patient; the board keeps its three
 * sessions in chairs 1–3; and when the board's recovering patient (chair 2) is discharged through the API, the
 * worklist shows that session due 24–72 h after its discharge.
 */
import { localToInstant } from '@plasticity/clinical/scheduling';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { DEMO_CLINIC, DEMO_PASSWORD, seedDemo } from '../../seed/demo.ts';
import { Client, useTestApp } from '../../test/harness.ts';
import { plansModule } from '../plans/index.ts';
import { schedulingModule } from '../scheduling/index.ts';
import { sessionsModule } from '../sessions/index.ts';
import { integrationModule } from './index.ts';

const HOUR = 3_600_000;
const START_TIMES: Array<[string, number | null]> = [
  ['now', null],
  ['a Sunday at 00:20', localToInstant('2027-03-14', '00:20', DEMO_CLINIC.timeZone).getTime()],
];

// Fixed demo logins: seeded only on the embedded database (a fresh one per file and block), as the other seed tests.
describe.each(testBackends().filter((b) => b === 'pglite'))('integration demo data on %s', (backend) => {
  describe.each(START_TIMES)('seeded %s', (_, at) => {
    const h = useTestApp(backend);

    it('has due, overdue and booked visits, preparation, and the board unchanged; a discharge adds a due visit', async () => {
      if (at !== null) h.clock.advance(at - h.clock.now().getTime());
      const info = await seedDemo(h.built.ctx, [
        plansModule,
        sessionsModule,
        schedulingModule,
        integrationModule,
      ]);
      const therapist = new Client(h.app);
      expect((await therapist.login('therapist@freshstart.example', DEMO_PASSWORD)).status).toBe(200);
      const list = (await therapist.get('/api/v1/integration/worklist')).body.items as Array<{
        patientId: string;
        status: string;
        sessionId: string;
        dueFrom: string;
        dueBy: string;
      }>;
      const byPatient = new Map(list.map((i) => [i.patientId, i.status]));
      expect(byPatient.get(info.patientIds.p8 as string)).toBe('due');
      expect(byPatient.get(info.patientIds.p4 as string)).toBe('overdue');
      expect(byPatient.get(info.patientIds.p10 as string)).toBe('booked');
      expect(list).toHaveLength(3);

      const prep = await therapist.get(`/api/v1/patients/${info.patientIds.portal}/preparation`);
      expect(prep.body.current.supportPerson.relationship).toBe('Sister');

      const nurse = new Client(h.app);
      await nurse.login('nurse@freshstart.example', DEMO_PASSWORD);
      const board = (await nurse.get('/api/v1/board')).body;
      expect(board.sessions.map((s: { chair: string; status: string }) => [s.chair, s.status])).toEqual([
        ['1', 'monitoring'],
        ['2', 'recovery'],
        ['3', 'scheduled'],
      ]);

      // Discharge chair 2 (in recovery) through the API: a prescriber overrides what the demo data lacks.
      const chair2 = board.sessions.find((s: { chair: string }) => s.chair === '2') as { id: string };
      const prescriber = new Client(h.app);
      await prescriber.login('prescriber@freshstart.example', DEMO_PASSWORD);
      await nurse.request('PUT', `/api/v1/sessions/${chair2.id}/discharge-assessment`, {
        gait: 'steady',
        nausea: 'none',
        escortPresent: true,
      });
      const out = await prescriber.post(`/api/v1/sessions/${chair2.id}/transition`, {
        to: 'discharged',
        overrideReason: 'reviewed in person for the demo',
      });
      expect(out.status, out.text).toBe(200);
      const discharged = (await nurse.get(`/api/v1/sessions/${chair2.id}`)).body.dischargedAt as string;
      const after = (await therapist.get('/api/v1/integration/worklist')).body.items as typeof list;
      const item = after.find((i) => i.sessionId === chair2.id);
      expect(item).toMatchObject({
        status: 'due',
        dueFrom: new Date(Date.parse(discharged) + 24 * HOUR).toISOString(),
        dueBy: new Date(Date.parse(discharged) + 72 * HOUR).toISOString(),
      });
    });
  });
});
