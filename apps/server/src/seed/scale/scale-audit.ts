/**
 * A year of audit log for a generated network, written already sealed (`appendSealed`: the chain's own hash, in
 * order, under the sealer's lock) — sealing a million entries afterwards would update each one again. Day by day,
 * oldest first: each entry's clinic drawn by its number of patients, its user by a skewed draw over the clinic's
 * staff (some far busier than others), its action from a realistic mix (reads of patient data first), within
 * opening hours.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { appendSealed, type ChainContent } from '../../modules/audit/chain.ts';
import type { IdMaker } from '../../modules/outcomes/generate/ids.ts';
import type { ScaleClinic } from './scale-clinics.ts';

const DAY = 86_400_000;
const PER_STATEMENT = 5000;
/** Action, share, resource type and category of the entries (reads of patient data dominate). */
const MIX: readonly (readonly [ChainContent['action'], number, string, string | null])[] = [
  ['read', 0.3, 'patient', 'demographics'],
  ['read', 0.12, 'dosing_session', 'vital_signs'],
  ['read', 0.08, 'assessment', 'assessment'],
  ['query', 0.15, 'patient', null],
  ['update', 0.06, 'dosing_session', 'dosing_session'],
  ['update', 0.04, 'patient', 'demographics'],
  ['create', 0.05, 'assessment', 'assessment'],
  ['login', 0.1, 'session', null],
  ['logout', 0.05, 'session', null],
  ['export', 0.03, 'patient', 'demographics'],
  ['print', 0.02, 'patient', 'demographics'],
];
const WITH_PATIENT = new Set(['read', 'update', 'create', 'export', 'print']);

export interface AuditClinic {
  readonly clinic: ScaleClinic;
  readonly patientIds: readonly string[];
}

/** Writes `entries` audit entries over the 365 days before `now`; returns how many. */
export async function generateAuditYear(
  db: Kysely<DB>,
  rand: () => number,
  ids: IdMaker,
  clinics: readonly AuditClinic[],
  opts: { entries: number; now: number; onProgress?: (done: number, total: number) => void },
): Promise<number> {
  const usable = clinics.filter((c) => c.clinic.staff.length > 0 && c.patientIds.length > 0);
  if (usable.length === 0 || opts.entries === 0) return 0;
  const cumulative: number[] = [];
  let sum = 0;
  for (const c of usable) {
    sum += c.patientIds.length;
    cumulative.push(sum);
  }
  const clinicOf = (): AuditClinic => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return usable[lo] as AuditClinic;
  };
  const actionOf = () => {
    let x = rand();
    for (const m of MIX) {
      x -= m[1];
      if (x <= 0) return m;
    }
    return MIX[0] as (typeof MIX)[number];
  };
  const firstDay = Math.floor(opts.now / DAY) - 364;
  let written = 0;
  let pending: ChainContent[] = [];
  const flush = async () => {
    const rows = pending;
    pending = [];
    await db.transaction().execute((trx) => appendSealed(trx, rows));
    written += rows.length;
    opts.onProgress?.(written, opts.entries);
  };
  for (let d = 0; d < 365; d++) {
    const today = Math.floor((opts.entries * (d + 1)) / 365) - Math.floor((opts.entries * d) / 365);
    const day: ChainContent[] = [];
    for (let i = 0; i < today; i++) {
      const { clinic, patientIds } = clinicOf();
      const user = clinic.staff[
        Math.floor(rand() ** 1.5 * clinic.staff.length)
      ] as ScaleClinic['staff'][number];
      const [action, , resourceType, category] = actionOf();
      const patientId = WITH_PATIENT.has(action)
        ? (patientIds[Math.floor(rand() * patientIds.length)] as string)
        : null;
      // Opening hours, 7:00–19:00 on the east coast (12:00–24:00 UTC).
      const at = new Date((firstDay + d) * DAY + 12 * 3_600_000 + Math.floor(rand() * 12 * 3_600_000));
      if (at.getTime() > opts.now) at.setTime(opts.now - Math.floor(rand() * 3_600_000));
      day.push({
        id: '',
        at,
        clinic_id: clinic.id,
        user_id: user.id,
        user_email: user.email,
        role: user.role,
        patient_id: patientId,
        action,
        resource_type: resourceType,
        resource_id: patientId,
        category,
        outcome: action === 'login' && rand() < 0.05 ? 'failure' : 'success',
        source_address: `10.${(clinic.id.charCodeAt(0) % 200) + 1}.0.${1 + Math.floor(rand() * 40)}`,
        details: action === 'query' ? { results: Math.floor(rand() * 50) } : null,
      });
    }
    day.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const e of day) {
      e.id = ids.next('audit'); // in time order, so the primary key grows at its right edge
      pending.push(e);
      if (pending.length >= PER_STATEMENT) await flush();
    }
  }
  if (pending.length > 0) await flush();
  return written;
}
