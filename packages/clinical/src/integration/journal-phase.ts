/**
 * Which journal prompts a patient is offered: the phase of their course right now, worked out from the end of
 * their last dosing session (its discharge) and the start of their next booked dosing visit, and the prompts of
 * the clinic's library that fit that phase and the protocol of their plan.
 *
 * Phases (first that applies wins):
 * 1. `evening_after` — the hours right after a discharge (default 24 h): the evening and night after a dose,
 *    when the experience is freshest.
 * 2. `before_session` — the hours before the next booked dosing visit (default 48 h): intentions and
 *    preparation.
 * 3. `week_after` — the rest of the week after a discharge (default up to 7 days).
 * 4. `any` — none of these: only prompts meant for any time.
 * The windows are Plasticity product defaults, not clinical thresholds (docs/clinical-sources.md#journal-prompts-and-mood-check-in).
 */

export const JOURNAL_PHASES = ['before_session', 'evening_after', 'week_after', 'any'] as const;
export type JournalPhase = (typeof JOURNAL_PHASES)[number];

export interface JournalPhaseWindows {
  /** Hours after a discharge that count as "the evening after". */
  eveningAfterHours: number;
  /** Hours before a booked dosing visit that count as "before a session". */
  beforeSessionHours: number;
  /** Days after a discharge that count as "the week after". */
  weekAfterDays: number;
}

export const JOURNAL_PHASE_DEFAULTS: Readonly<JournalPhaseWindows> = {
  eveningAfterHours: 24,
  beforeSessionHours: 48,
  weekAfterDays: 7,
};

export interface JournalPhaseInput {
  now: Date;
  /** When the patient's most recent dosing session was discharged (not later than now), or null. */
  lastDischargedAt: Date | null;
  /** When the patient's next booked dosing visit starts (after now), or null. */
  nextDosingAt: Date | null;
  windows?: JournalPhaseWindows;
}

const HOUR_MS = 3_600_000;

export function journalPhase(input: JournalPhaseInput): JournalPhase {
  const w = input.windows ?? JOURNAL_PHASE_DEFAULTS;
  const now = input.now.getTime();
  const since = input.lastDischargedAt ? now - input.lastDischargedAt.getTime() : null;
  const until = input.nextDosingAt ? input.nextDosingAt.getTime() - now : null;
  if (since !== null && since >= 0 && since < w.eveningAfterHours * HOUR_MS) return 'evening_after';
  if (until !== null && until > 0 && until <= w.beforeSessionHours * HOUR_MS) return 'before_session';
  if (since !== null && since >= 0 && since < w.weekAfterDays * 24 * HOUR_MS) return 'week_after';
  return 'any';
}

/** What the rule needs of a prompt. */
export interface PhasePrompt {
  phase: JournalPhase;
  /** The protocol line the prompt is for (its stable key), or null for every protocol. */
  protocolKey: string | null;
  active: boolean;
  sortOrder: number;
}

/**
 * The active prompts for a phase and a protocol: those of the phase first, then those for any time; within
 * each, prompts for the patient's protocol before general ones, then by the library's order. A patient with no
 * plan (protocolKey null) gets only general prompts.
 */
export function promptsForPhase<T extends PhasePrompt>(
  prompts: readonly T[],
  phase: JournalPhase,
  protocolKey: string | null,
): T[] {
  const rank = (p: T): number => (p.phase === phase ? 0 : 2) + (p.protocolKey === null ? 1 : 0);
  return prompts
    .filter((p) => p.active)
    .filter((p) => p.phase === phase || p.phase === 'any')
    .filter((p) => p.protocolKey === null || p.protocolKey === protocolKey)
    .map((p, index) => ({ p, index }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.p.sortOrder - b.p.sortOrder || a.index - b.index)
    .map(({ p }) => p);
}
