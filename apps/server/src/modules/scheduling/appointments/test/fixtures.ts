/** Helpers shared by the appointments integration tests (test data only). */
import type { ChairKind } from '@plasticity/contracts';
import type { Client, TestApp, TestClinic } from '../../../../test/harness.ts';

/** A chair of the clinic, written directly (the chair routes are another part's). */
export async function makeChair(h: TestApp, c: TestClinic, name: string, kind: ChairKind = 'infusion_chair') {
  const row = await h.database.db
    .insertInto('chairs')
    .values({ clinic_id: c.clinicId, name, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A future instant at a round hour: `days` from the test clock's today, `hour`:`minute` UTC. */
export function slot(h: TestApp, days: number, hour: number, minute = 0): string {
  const d = new Date(h.clock.now());
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, minute, 0, 0);
  return d.toISOString();
}

export const plus = (iso: string, minutes: number) =>
  new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();

export async function book(client: Client, body: Record<string, unknown>) {
  return client.post('/api/v1/appointments', body);
}

/** Appointments of the clinic in the database (counted within the test's clinic only). */
export async function countAppointments(h: TestApp, c: TestClinic): Promise<number> {
  const r = await h.database.db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('clinic_id', '=', c.clinicId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
