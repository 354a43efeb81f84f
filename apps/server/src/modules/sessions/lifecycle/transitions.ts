/**
 * The session lifecycle as data: which phase may follow which, and which targets have preconditions.
 *
 * scheduled → checked_in → pre_assessment → dosing → monitoring → recovery → discharged; any open phase may
 * end in `cancelled` (before any drug is given) or `aborted` (once dosing has begun), each with a reason.
 * Preconditions: dosing needs the pre-dose checklist
 * (docs/clinical-sources.md#pre-dose-checklist-and-fasting, SPRAVATO REMS);
 * monitoring needs a recorded administration; discharge needs the protocol's discharge criteria.
 */
import type { SessionStatus } from '@plasticity/contracts';

export const ALLOWED: Record<SessionStatus, readonly SessionStatus[]> = {
  scheduled: ['checked_in', 'cancelled'],
  checked_in: ['pre_assessment', 'cancelled'],
  pre_assessment: ['dosing', 'cancelled'],
  dosing: ['monitoring', 'aborted'],
  monitoring: ['recovery', 'aborted'],
  recovery: ['discharged', 'aborted'],
  discharged: [],
  cancelled: [],
  aborted: [],
};

/** Targets that end the session and lock its record. */
export const TERMINAL: readonly SessionStatus[] = ['discharged', 'cancelled', 'aborted'];
/** Targets that need a free-text reason. */
export const NEEDS_REASON: readonly SessionStatus[] = ['cancelled', 'aborted'];

export const isAllowed = (from: SessionStatus, to: SessionStatus) => ALLOWED[from].includes(to);
