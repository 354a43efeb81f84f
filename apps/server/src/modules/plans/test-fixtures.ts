/** Shared helpers for the plans integration tests (test data only). */

import type { Intake } from '@plasticity/clinical/eligibility';
import { cleanIntake, intakeWith, type Patch } from '@plasticity/clinical/eligibility/test-fixtures';
import type { Client } from '../../test/harness.ts';

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
  const out = {} as Record<string, string>;
  for (const p of r.body.items as Array<{ id: string; route: string; isDefault: boolean }>)
    if (p.isDefault) out[p.route] = p.id;
  return out as unknown as Ids;
}

export const daysAgoIso = (now: Date, days: number, extraMs = 0) =>
  new Date(now.getTime() - days * 86_400_000 - extraMs).toISOString();
