import { describe, expect, it } from 'vitest';
import { type JournalPhase, journalPhase, type PhasePrompt, promptsForPhase } from './journal-phase.ts';

const NOW = new Date('2026-03-10T18:00:00Z');
const H = 3_600_000;
const at = (hoursFromNow: number | null) =>
  hoursFromNow === null ? null : new Date(NOW.getTime() + hoursFromNow * H);

describe('journal phase', () => {
  it.each([
    // [case, last discharge (h from now), next dosing visit (h from now), phase]
    ['nothing recorded or booked', null, null, 'any'],
    ['discharged an hour ago', -1, null, 'evening_after'],
    ['discharged just now', 0, null, 'evening_after'],
    ['discharged 23 h ago', -23, null, 'evening_after'],
    ['discharged exactly 24 h ago', -24, null, 'week_after'],
    ['discharged 3 days ago', -72, null, 'week_after'],
    ['discharged 6 days 23 h ago', -167, null, 'week_after'],
    ['discharged exactly 7 days ago', -168, null, 'any'],
    ['discharged a month ago', -720, null, 'any'],
    ['next dose in 2 h', null, 2, 'before_session'],
    ['next dose in exactly 48 h', null, 48, 'before_session'],
    ['next dose in 49 h', null, 49, 'any'],
    ['the evening after wins over a dose in 30 h', -3, 30, 'evening_after'],
    ['before a session wins over the week after', -30, 40, 'before_session'],
    ['the week after when the next dose is far', -30, 100, 'week_after'],
    ['a discharge in the future is ignored', 5, null, 'any'],
    ['a visit already started is not ahead', null, 0, 'any'],
  ] as const)('%s → %s', (_case, discharged, next, phase) => {
    expect(journalPhase({ now: NOW, lastDischargedAt: at(discharged), nextDosingAt: at(next) })).toBe(phase);
  });

  it('uses the windows it is given', () => {
    const windows = { eveningAfterHours: 6, beforeSessionHours: 12, weekAfterDays: 3 };
    expect(journalPhase({ now: NOW, lastDischargedAt: at(-7), nextDosingAt: null, windows })).toBe(
      'week_after',
    );
    expect(journalPhase({ now: NOW, lastDischargedAt: null, nextDosingAt: at(13), windows })).toBe('any');
    expect(journalPhase({ now: NOW, lastDischargedAt: at(-80), nextDosingAt: null, windows })).toBe('any');
  });
});

interface P extends PhasePrompt {
  id: string;
}
const p = (id: string, phase: JournalPhase, protocolKey: string | null, sortOrder = 0, active = true): P => ({
  id,
  phase,
  protocolKey,
  sortOrder,
  active,
});

describe('prompts for a phase', () => {
  const library: P[] = [
    p('any-1', 'any', null, 1),
    p('eve-general', 'evening_after', null, 2),
    p('eve-iv', 'evening_after', 'iv', 5),
    p('eve-esk', 'evening_after', 'esketamine', 0),
    p('before-1', 'before_session', null, 0),
    p('week-1', 'week_after', null, 0),
    p('eve-retired', 'evening_after', null, 0, false),
    p('any-iv', 'any', 'iv', 9),
    p('any-0', 'any', null, 0),
  ];

  it.each([
    // [phase, protocol, expected ids in order]
    ['evening_after', 'iv', ['eve-iv', 'eve-general', 'any-iv', 'any-0', 'any-1']],
    ['evening_after', 'esketamine', ['eve-esk', 'eve-general', 'any-0', 'any-1']],
    ['evening_after', null, ['eve-general', 'any-0', 'any-1']],
    ['before_session', 'iv', ['before-1', 'any-iv', 'any-0', 'any-1']],
    ['week_after', null, ['week-1', 'any-0', 'any-1']],
    ['any', 'iv', ['any-iv', 'any-0', 'any-1']],
    ['any', null, ['any-0', 'any-1']],
  ] as const)('%s for protocol %s', (phase, protocol, ids) => {
    expect(promptsForPhase(library, phase, protocol).map((x) => x.id)).toEqual(ids);
  });

  it('never offers a retired prompt', () => {
    expect(promptsForPhase(library, 'evening_after', null).some((x) => !x.active)).toBe(false);
  });

  it('keeps the library order between prompts of equal rank and sort order', () => {
    const same = [p('b', 'any', null), p('a', 'any', null)];
    expect(promptsForPhase(same, 'any', null).map((x) => x.id)).toEqual(['b', 'a']);
  });
});
