/**
 * One batch of a synthetic patient population, built in memory (no I/O): per patient a demographic row (flagged
 * demo), a treatment plan on one of the clinic's protocols, five discharged dosing sessions and up to eleven scores
 * on the indication's primary scale (a baseline before the first dose, then follow-ups over six months), its first
 * dose, now and then an adverse event — and the same facts as the outcome summaries read them from the record
 * (`LoadedPatient`), so a writer can store the summaries without reading the rows back. Ids are made here
 * (`ids.ts`). The random sequence is drawn batch by batch in a fixed order, so a seed and a batch size give the
 * same population every time.
 */
import { PRIMARY_SCALE } from '@plasticity/clinical/outcomes';
import type { Protocol } from '@plasticity/clinical/protocols';
import type { LoadedPatient, LoadedSession } from '../summaries/summary-rows.ts';
import type { IdMaker } from './ids.ts';

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
const MAX_SCORE: Record<string, number> = { phq9: 27, gad7: 21, pcl5: 80, audit: 40 };
const FIRST = ['Alex', 'Sam', 'Jordan', 'Casey', 'Riley', 'Morgan', 'Taylor', 'Jamie'];
const LAST = ['Rivera', 'Chen', 'Okafor', 'Novak', 'Haddad', 'Silva', 'Kowalski', 'Nguyen'];

export interface ClinicProtocol {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly data: Protocol;
}

/** Who and where a batch is written for. */
export interface CohortTarget {
  readonly clinicId: string;
  readonly protocols: readonly ClinicProtocol[];
  /** Prescriber on site for the sessions (null: none). */
  readonly prescriberId: string | null;
  /** Chairs the sessions sit in (their names: "1", "2", …). */
  readonly chairs: number;
  /** Patients' first doses are spread over the two years before this instant (epoch ms). */
  readonly now: number;
  /** Medical record numbers are `GEN-<seed>-<index>`. */
  readonly seed: number;
}

export interface CohortSession {
  readonly id: string;
  readonly patientId: string;
  readonly planId: string;
  readonly protocol: ClinicProtocol;
  readonly chair: string;
  readonly scheduledAt: Date;
  readonly doseStartedAt: Date;
  readonly dischargedAt: Date;
}

export interface CohortBatch {
  readonly patients: {
    id: string;
    mrn: string;
    first_name: string;
    last_name: string;
    date_of_birth: string;
    sex: string;
  }[];
  readonly plans: {
    id: string;
    patient_id: string;
    protocol_id: string;
    protocol_version: number;
    indications: string;
    target_instruments: string;
    status: 'stopped' | 'active';
  }[];
  readonly profiles: { patient_id: string; first_dose_at: Date }[];
  readonly sessions: CohortSession[];
  readonly adverseEvents: { id: string; session_id: string; at: Date }[];
  readonly scores: {
    id: string;
    patient_id: string;
    instrument_id: string;
    total: number;
    administered_at: Date;
  }[];
  /** The same facts as the summaries read them from the record. */
  readonly loaded: LoadedPatient[];
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

/** Patients `start` … `start + n - 1` of the population (their index makes the medical record number). */
export function cohortBatch(
  rand: () => number,
  ids: IdMaker,
  target: CohortTarget,
  start: number,
  n: number,
): CohortBatch {
  if (target.protocols.length === 0) throw new Error('the clinic has no protocols');
  const now = target.now;
  const patients = Array.from({ length: n }, (_, k) => {
    const i = start + k;
    const year = 1950 + Math.floor(rand() * 55);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    return {
      id: ids.next('patient'),
      mrn: `GEN-${target.seed}-${String(i).padStart(7, '0')}`,
      first_name: FIRST[i % FIRST.length] as string,
      last_name: LAST[Math.floor(i / FIRST.length) % LAST.length] as string,
      date_of_birth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sex: rand() < 0.58 ? 'female' : rand() < 0.95 ? 'male' : 'other',
    };
  });
  const plans: CohortBatch['plans'] = [];
  const facts = patients.map(({ id }) => {
    const indication = pick(rand, INDICATIONS);
    const protocol = protocolFor(indication, target.protocols, rand);
    const firstDose = now - Math.floor(rand() * 730) * DAY - 9 * 3_600_000;
    const plan = {
      id: ids.next('plan'),
      patient_id: id,
      protocol_id: protocol.id,
      protocol_version: protocol.version,
      indications: JSON.stringify([indication]),
      target_instruments: JSON.stringify([PRIMARY_SCALE[indication] ?? 'phq9']),
      status: rand() < 0.1 ? ('stopped' as const) : ('active' as const),
    };
    plans.push(plan);
    return { id, indication, protocol, firstDose, plan };
  });
  const sessions: CohortSession[] = [];
  const scores: CohortBatch['scores'] = [];
  const profiles: CohortBatch['profiles'] = [];
  const loaded: LoadedPatient[] = [];
  const sessionsOf = new Map<string, LoadedSession[]>();
  const scoresOf = new Map<string, { at: string; total: number }[]>();
  for (const f of facts) {
    profiles.push({ patient_id: f.id, first_dose_at: new Date(f.firstDose) });
    const mine: LoadedSession[] = [];
    for (let s = 0; s < SESSIONS_PER_PATIENT; s++) {
      const at = f.firstDose + s * 3 * DAY;
      if (at > now) break;
      const session: CohortSession = {
        id: ids.next('session'),
        patientId: f.id,
        planId: f.plan.id,
        protocol: f.protocol,
        chair: String(1 + (sessions.length % target.chairs)),
        scheduledAt: new Date(at),
        doseStartedAt: new Date(at + 15 * 60_000),
        dischargedAt: new Date(at + 2 * 3_600_000),
      };
      sessions.push(session);
      mine.push({
        id: session.id,
        status: 'discharged',
        scheduledAt: session.scheduledAt,
        dischargedAt: session.dischargedAt,
        doseStartedAt: session.doseStartedAt,
        protocolKey: f.protocol.key,
        route: f.protocol.data.route ?? null,
        clinicianId: target.prescriberId,
        planId: f.plan.id,
        indications: [f.indication],
        planStatus: f.plan.status,
        plannedSessions: 6,
      });
    }
    sessionsOf.set(f.id, mine);
    const scale = PRIMARY_SCALE[f.indication] ?? 'phq9';
    const max = MAX_SCORE[scale] ?? 27;
    const baseline = Math.round(max * (0.45 + rand() * 0.4));
    // How far the patient improves by six months (0 = none, 1 = symptom-free), and how fast.
    const gain = rand() < 0.15 ? -0.1 : rand();
    const speed = 7 + rand() * 40;
    const points: { at: string; total: number }[] = [];
    const score = (at: number, total: number) => {
      const row = {
        id: ids.next('assessment'),
        patient_id: f.id,
        instrument_id: scale,
        total: Math.max(0, Math.min(max, total)),
        administered_at: new Date(at),
      };
      scores.push(row);
      points.push({ at: row.administered_at.toISOString(), total: row.total });
    };
    score(f.firstDose - 2 * DAY, baseline);
    for (const d of FOLLOW_UPS) {
      const at = f.firstDose + d * DAY;
      if (at > now) break;
      const drop = gain * (1 - Math.exp(-d / speed));
      score(at, Math.round(baseline * (1 - drop) + (rand() - 0.5) * 3));
    }
    scoresOf.set(f.id, points);
  }
  const adverseEvents: CohortBatch['adverseEvents'] = [];
  const events = new Map<string, number>();
  for (const s of sessions) {
    if (rand() >= 0.03) continue;
    adverseEvents.push({ id: ids.next('observation'), session_id: s.id, at: s.dischargedAt });
    events.set(s.id, 1);
  }
  for (const [k, p] of patients.entries()) {
    const f = facts[k] as (typeof facts)[number];
    loaded.push({
      clinicId: target.clinicId,
      id: p.id,
      sex: p.sex,
      dateOfBirth: p.date_of_birth,
      sessions: sessionsOf.get(p.id) ?? [],
      adverseEvents: events,
      firstDoseAt: new Date(f.firstDose),
      scores: new Map([[PRIMARY_SCALE[f.indication] ?? 'phq9', scoresOf.get(p.id) ?? []]]),
    });
  }
  return { patients, plans, profiles, sessions, adverseEvents, scores, loaded };
}
