/** Words for the journal's codes (phases of the course). */
import type { JournalPhase } from '@plasticity/contracts';

export const PHASE_LABELS: Record<JournalPhase, string> = {
  before_session: 'Before a session',
  evening_after: 'The evening after a session',
  week_after: 'The week after a session',
  any: 'Any time',
};

export const PHASE_OPTIONS = (Object.keys(PHASE_LABELS) as JournalPhase[]).map((value) => ({
  value,
  label: PHASE_LABELS[value],
}));
