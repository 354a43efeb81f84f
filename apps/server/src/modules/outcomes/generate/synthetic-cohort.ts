/**
 * A synthetic patient population for a clinic, for the outcomes dashboard's scale tests, benchmarks and
 * `npx plasticity demo generate`: per patient a demographic row (flagged demo), a treatment plan on one of
 * the clinic's protocols, five discharged dosing sessions and up to eleven scores on the indication's primary scale
 * (a baseline before the first dose, then follow-ups over six months), its first dose, and now and then an
 * adverse event. Deterministic for a seed. Rows are written in batches, one transaction per batch, and each
 * batch's outcome summaries are rebuilt in it (the dashboard then finds nothing queued).
 */
import { PRIMARY_SCALE } from '@plasticity/clinical/outcomes';
import type { Protocol } from '@plasticity/clinical/protocols';
import { type DB, toJson } from '@plasticity/db';
import { type Insertable, type Kysely, sql } from 'kysely';
import { clinicInstruments } from '../../measurement/definitions.ts';
import { refreshOutcomeSummaries } from '../summaries/refresh.ts';

const DAY = 86_400_000;
const SESSIONS_PER_PATIENT = 5;
/** Days after the first dose of the follow-up scores (the baseline is two days before it). */
const FOLLOW_UPS = [2, 7, 14, 21, 28, 42, 63, 90, 120, 180] as const;
const INDICATIONS = [
  ['depression', 0.45],
  ['trd', 0.2],
  ['ptsd', 0.15],
  ['anxiety', 0.15],
  ['alcohol_use_disorder', 0.05],
] as const;
/** The tables a generation grows (analysed as it goes). */
const GROWN = [
  'patients',
  'plan_treatment_plans',
  'measurement_profiles',
  'dosing_sessions',
  'session_observations',
  'assessments',
  'outcome_patients',
  'outcome_segments',
  'outcome_patient_scales',
  'outcome_refresh_queue',
] as const;
const MAX_SCORE: Record<string, number> = { phq9: 27, gad7: 21, pcl5: 80, audit: 40 };
const FIRST = ['Alex', 'Sam', 'Jordan', 'Casey', 'Riley', 'Morgan', 'Taylor', 'Jamie'];
const LAST = ['Rivera', 'Chen', 'Okafor', 'Novak', 'Haddad', 'Silva', 'Kowalski', 'Nguyen'];

export interface SyntheticOptions {
  readonly clinicId: string;
  readonly patients: number;
  readonly seed: number;
  /** Patients' first doses are spread over the two years before this instant. */
  readonly now: Date;
  /** Prescriber on site for the sessions (null: none). */
  readonly prescriberId: string | null;
  /** Patients per batch (one transaction each). */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Rebuild each batch's outcome summaries in its transaction (default); false leaves them queued. */
  readonly refreshSummaries?: boolean;
}

export interface ClinicProtocol {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly data: Protocol;
}

/** A small deterministic generator (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, weighted: readonly (readonly [T, number])[]): T {
  let r = rand();
  for (const [v, w] of weighted) {
    r -= w;
    if (r <= 0) return v;
  }
  return (weighted[weighted.length - 1] as readonly [T, number])[0];
}

function protocolFor(
  indication: string,
  protocols: readonly ClinicProtocol[],
  rand: () => number,
): ClinicProtocol {
  // IV ketamine is the common course for depression (off-label), whatever the protocol's listed indications.
  const iv = protocols.find((p) => p.data.route === 'iv');
  if (iv && (indication === 'depression' || indication === 'trd') && rand() < 0.6) return iv;
  const usable = protocols.filter((p) => (p.data.indications as readonly string[]).includes(indication));
  const pool = usable.length > 0 ? usable : protocols;
  return pool[Math.floor(rand() * pool.length)] as ClinicProtocol;
}

/** Inserts `opts.patients` synthetic patients; returns how many sessions and scores were written. */
export async function generateSyntheticCohort(
  db: Kysely<DB>,
  protocols: readonly ClinicProtocol[],
  opts: SyntheticOptions,
): Promise<{ patients: number; sessions: number; assessments: number }> {
  if (protocols.length === 0) throw new Error('the clinic has no protocols');
  const rand = prng(opts.seed);
  const batch = opts.batchSize ?? 250;
  const now = opts.now.getTime();
  const definitions = await clinicInstruments(db, opts.clinicId);
  let sessions = 0;
  let assessments = 0;
  let batches = 0;
  for (let start = 0; start < opts.patients; start += batch) {
    const n = Math.min(batch, opts.patients - start);
    await db.transaction().execute(async (trx) => {
      const people = Array.from({ length: n }, (_, k) => {
        const i = start + k;
        const year = 1950 + Math.floor(rand() * 55);
        const month = 1 + Math.floor(rand() * 12);
        const day = 1 + Math.floor(rand() * 28);
        return {
          clinic_id: opts.clinicId,
          mrn: `GEN-${opts.seed}-${String(i).padStart(7, '0')}`,
          first_name: FIRST[i % FIRST.length] as string,
          last_name: LAST[Math.floor(i / FIRST.length) % LAST.length] as string,
          date_of_birth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          sex: rand() < 0.58 ? 'female' : rand() < 0.95 ? 'male' : 'other',
          demo: true,
        };
      });
      const ids = await trx.insertInto('patients').values(people).returning('id').execute();
      const plans: Insertable<DB['plan_treatment_plans']>[] = [];
      const facts = ids.map(({ id }) => {
        const indication = pick(rand, INDICATIONS);
        const protocol = protocolFor(indication, protocols, rand);
        const firstDose = now - Math.floor(rand() * 730) * DAY - 9 * 3_600_000;
        plans.push({
          clinic_id: opts.clinicId,
          patient_id: id,
          protocol_id: protocol.id,
          protocol_version: protocol.version,
          indications: toJson([indication]),
          target_instruments: toJson([PRIMARY_SCALE[indication] ?? 'phq9']),
          planned_sessions: 6,
          status: rand() < 0.1 ? ('stopped' as const) : ('active' as const),
        });
        return { id, indication, protocol, firstDose };
      });
      const planIds = await trx.insertInto('plan_treatment_plans').values(plans).returning('id').execute();
      const sessionRows = [];
      const scoreRows = [];
      const profiles = [];
      for (const [k, f] of facts.entries()) {
        profiles.push({ clinic_id: opts.clinicId, patient_id: f.id, first_dose_at: new Date(f.firstDose) });
        for (let s = 0; s < SESSIONS_PER_PATIENT; s++) {
          const at = f.firstDose + s * 3 * DAY;
          if (at > now) break;
          sessionRows.push({
            clinic_id: opts.clinicId,
            patient_id: f.id,
            protocol_id: f.protocol.key,
            protocol_version: f.protocol.version,
            protocol: toJson(f.protocol.data),
            plan_id: planIds[k]?.id ?? null,
            chair: String(1 + (s % 6)),
            scheduled_at: new Date(at),
            status: 'discharged' as const,
            prescriber_on_site_id: opts.prescriberId,
            dose_started_at: new Date(at + 15 * 60_000),
            discharged_at: new Date(at + 2 * 3_600_000),
          });
        }
        const scale = PRIMARY_SCALE[f.indication] ?? 'phq9';
        const max = MAX_SCORE[scale] ?? 27;
        const baseline = Math.round(max * (0.45 + rand() * 0.4));
        // How far the patient improves by six months (0 = none, 1 = symptom-free), and how fast.
        const gain = rand() < 0.15 ? -0.1 : rand();
        const speed = 7 + rand() * 40;
        const row = (at: number, total: number) => ({
          clinic_id: opts.clinicId,
          patient_id: f.id,
          instrument_id: scale,
          instrument_version: '1',
          answers: toJson([]),
          total: Math.max(0, Math.min(max, total)),
          administered_at: new Date(at),
          source: 'staff' as const,
          completed_via: 'staff_entry' as const,
        });
        scoreRows.push(row(f.firstDose - 2 * DAY, baseline));
        for (const d of FOLLOW_UPS) {
          const at = f.firstDose + d * DAY;
          if (at > now) break;
          const drop = gain * (1 - Math.exp(-d / speed));
          scoreRows.push(row(at, Math.round(baseline * (1 - drop) + (rand() - 0.5) * 3)));
        }
      }
      await trx.insertInto('measurement_profiles').values(profiles).execute();
      for (let i = 0; i < sessionRows.length; i += 500) {
        const ids = await trx
          .insertInto('dosing_sessions')
          .values(sessionRows.slice(i, i + 500))
          .returning(['id', 'discharged_at'])
          .execute();
        const events = ids
          .filter(() => rand() < 0.03)
          .map((s) => ({
            clinic_id: opts.clinicId,
            session_id: s.id,
            kind: 'adverse_event',
            at: s.discharged_at ?? new Date(now),
            data: toJson({ event: 'nausea', severity: 'mild', serious: false, outcome: 'resolved' }),
            recorded_at: s.discharged_at ?? new Date(now),
          }));
        if (events.length > 0) await trx.insertInto('session_observations').values(events).execute();
      }
      for (let i = 0; i < scoreRows.length; i += 1000) {
        await trx
          .insertInto('assessments')
          .values(scoreRows.slice(i, i + 1000))
          .execute();
      }
      if (opts.refreshSummaries !== false) {
        const written = ids.map((p) => p.id);
        await refreshOutcomeSummaries(trx, opts.clinicId, written, definitions);
        await trx
          .deleteFrom('outcome_refresh_queue')
          .where('clinic_id', '=', opts.clinicId)
          .where('patient_id', 'in', written)
          .execute();
      }
      sessions += sessionRows.length;
      assessments += scoreRows.length;
    });
    // Statistics as the tables grow (after 1, 2, 4, 8 … batches): a database without autovacuum would otherwise
    // keep plans made for empty tables — foreign-key checks by sequential scan — and each batch would be slower.
    batches++;
    if ((batches & (batches - 1)) === 0)
      await sql`analyze ${sql.join(GROWN.map((t) => sql.table(t)))}`.execute(db);
    opts.onProgress?.(start + n, opts.patients);
  }
  return { patients: opts.patients, sessions, assessments };
}

/** The clinic's current protocol versions, one per key. */
export async function clinicProtocols(db: Kysely<DB>, clinicId: string): Promise<ClinicProtocol[]> {
  const rows = await db
    .selectFrom('plan_protocols')
    .select(['id', 'protocol_key', 'version', 'data'])
    .where('clinic_id', '=', clinicId)
    .where('superseded_at', 'is', null)
    .where('status', '=', 'active')
    .orderBy('protocol_key')
    .execute();
  return rows.map((r) => ({ id: r.id, key: r.protocol_key, version: r.version, data: r.data }));
}
