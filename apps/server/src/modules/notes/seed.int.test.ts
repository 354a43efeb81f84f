/**
 * The demo clinic's notes: progress and integration notes for demo patients (the integration notes from the
 * template, one with an addendum) that the care team reads, and one psychotherapy note the demo therapist
 * alone reads — not the prescriber, not the admin.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo.ts';
import { Client, useTestApp } from '../../test/harness.ts';
import { plansModule } from '../plans/index.ts';
import { sessionsModule } from '../sessions/index.ts';
import { notesModule } from './index.ts';

// Fixed demo logins: the embedded database only (see scheduling/seed.int.test.ts).
describe.each(testBackends().filter((b) => b === 'pglite'))('notes demo data on %s', (backend) => {
  const h = useTestApp(backend);

  it('has notes for the portal patient, the psychotherapy note for the therapist alone', async () => {
    const info = await seedDemo(h.built.ctx, [plansModule, sessionsModule, notesModule]);
    const as = async (who: string) => {
      const c = new Client(h.app);
      expect((await c.login(`${who}@freshstart.example`, DEMO_PASSWORD)).status).toBe(200);
      return c;
    };
    const url = `/api/v1/patients/${info.patientIds.portal}/notes`;
    const kinds = async (who: string) =>
      ((await (await as(who)).get(url)).body.items as { kind: string }[]).map((n) => n.kind).sort();
    expect(await kinds('therapist')).toEqual(['integration', 'progress', 'psychotherapy']);
    expect(await kinds('prescriber')).toEqual(['integration', 'progress']);
    expect(await kinds('admin')).toEqual(['integration', 'progress']);
    const items = (await (await as('nurse')).get(url)).body.items as {
      kind: string;
      sections: Record<string, string> | null;
      addenda: unknown[];
    }[];
    const integration = items.find((n) => n.kind === 'integration');
    expect(integration?.sections?.moodRisk).toBeTruthy();
    expect(integration?.addenda).toHaveLength(1);
  });
});
