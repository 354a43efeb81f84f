/** Shared helpers for the plans integration tests (test data only). */

import type { Intake } from '@plasticity/clinical/eligibility';
import { cleanIntake, intakeWith, type Patch } from '@plasticity/clinical/eligibility/test-fixtures';
import type { Client, TestApp, TestClinic } from '../../test/harness.ts';

export { cleanIntake, intakeWith };
export type IntakePatch = Patch<Intake>;

export interface Ids {
  iv: string;
  im: string;
  sublingual: string;
  oral: string;
  intranasal: string;
}

/** Ids of the clinic's current default protocol per route. */
export async function protocolIds(c: Client): Promise<Ids> {
  const r = await c.get('/api/v1/protocols');
  if (r.status !== 200) throw new Error(`protocols: ${r.status} ${r.text}`);
  const defaults = (r.body.items as Array<{ id: string; route: string; isDefault: boolean }>).filter(
    (p) => p.isDefault,
  );
  const of = (route: keyof Ids): string => {
    const found = defaults.find((p) => p.route === route);
    if (!found) throw new Error(`no default protocol for route ${route}`);
    return found.id;
  };
  return {
    iv: of('iv'),
    im: of('im'),
    sublingual: of('sublingual'),
    oral: of('oral'),
    intranasal: of('intranasal'),
  };
}

/** The patient signs the clinic's consent documents of these kinds, typing their name as on record. */
export async function signConsents(h: TestApp, c: TestClinic, kinds: string[]): Promise<void> {
  const patient = await c.login('patient');
  const p = await h.database.db
    .selectFrom('patients')
    .select(['first_name', 'last_name'])
    .where('id', '=', c.patientId)
    .executeTakeFirstOrThrow();
  const docs = (await patient.get(`/api/v1/patients/${c.patientId}/consents`)).body.documents as Array<{
    id: string;
    kind: string;
  }>;
  for (const d of docs.filter((x) => kinds.includes(x.kind))) {
    const r = await patient.post(`/api/v1/patients/${c.patientId}/consents`, {
      documentId: d.id,
      typedName: `${p.first_name} ${p.last_name}`,
      agree: true,
    });
    if (r.status !== 201) throw new Error(`signing the ${d.kind} consent answered ${r.status} ${r.text}`);
  }
}

export const daysAgoIso = (now: Date, days: number, extraMs = 0) =>
  new Date(now.getTime() - days * 86_400_000 - extraMs).toISOString();
