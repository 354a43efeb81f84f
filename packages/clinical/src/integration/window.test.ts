/** The integration window and worklist status (docs/clinical-sources.md#integration-window), table-driven. */
import { describe, expect, it } from 'vitest';
import { defaultIvKetamineProtocol } from '../protocols/defaults-ketamine.ts';
import { validateProtocol } from '../protocols/validate.ts';
import {
  countsForSession,
  type IntegrationAppointment,
  integrationDue,
  integrationWindowOf,
  worklistEntry,
} from './window.ts';

const H = 3_600_000;
const D = new Date('2026-03-02T15:00:00.000Z');
const at = (hours: number) => new Date(D.getTime() + hours * H);
const appt = (
  hours: number,
  status: IntegrationAppointment['status'],
  id = `a${hours}`,
): IntegrationAppointment => ({
  id,
  startAt: at(hours),
  status,
});

describe('integration window', () => {
  it.each([
    [{ fromHours: 24, toHours: 72 }, 24, 72],
    [{ fromHours: 0, toHours: 48 }, 0, 48],
    [{ fromHours: 12.5, toHours: 12.5 }, 12.5, 12.5],
  ])('%o after discharge → due from +%d h to +%d h', (window, from, to) => {
    expect(integrationDue(D, window)).toEqual({ dueFrom: at(from), dueBy: at(to) });
  });

  it('defaults to 24–72 h for a protocol stored without a window, and the default protocols carry it', () => {
    const { integration, ...old } = defaultIvKetamineProtocol();
    expect(integration).toMatchObject({ fromHours: 24, toHours: 72 });
    expect(integrationWindowOf({ ...old, integration: undefined })).toMatchObject({
      fromHours: 24,
      toHours: 72,
    });
    expect(integrationWindowOf({ integration: { fromHours: 48, toHours: 96, source: 's' } }).toHours).toBe(
      96,
    );
  });

  it.each([
    [{ fromHours: 24, toHours: 72, source: 'x' }, []],
    [{ fromHours: 72, toHours: 24, source: 'x' }, ['integration.toHours']],
    [{ fromHours: -1, toHours: 24, source: 'x' }, ['integration.fromHours']],
    [{ fromHours: 0, toHours: 400, source: 'x' }, ['integration.toHours']],
    [{ fromHours: 24, toHours: 72 }, ['integration.source']],
  ])('validates the window %o', (integration, paths) => {
    const v = validateProtocol({ ...defaultIvKetamineProtocol(), integration }, { strict: true });
    expect(v.errors.map((e) => e.path)).toEqual(paths);
  });
});

describe('worklist entry', () => {
  const window = { fromHours: 24, toHours: 72 };
  const base = {
    dischargedAt: D,
    nextDischargeAt: null,
    window,
    appointments: [] as IntegrationAppointment[],
  };

  it.each([
    ['before the window opens', 2, [], 'due'],
    ['inside the window', 30, [], 'due'],
    ['at dueBy exactly', 72, [], 'due'],
    ['a minute after dueBy', 72 + 1 / 60, [], 'overdue'],
    ['a booked visit inside the window', 10, [appt(48, 'booked')], 'booked'],
    ['a booked visit after dueBy still counts', 100, [appt(90, 'booked')], 'booked'],
    ['a checked-in visit', 49, [appt(48, 'checked_in')], 'booked'],
    ['a cancelled visit does not count', 80, [appt(48, 'cancelled')], 'overdue'],
    ['a no-show does not count', 50, [appt(48, 'no_show')], 'due'],
    ['a visit before discharge does not count', 30, [appt(-2, 'booked')], 'due'],
  ] as const)('%s → %s', (_name, nowHours, appointments, status) => {
    const e = worklistEntry({ ...base, appointments, now: at(nowHours) });
    expect(e?.status).toBe(status);
    expect(e?.dueFrom).toEqual(at(24));
    expect(e?.dueBy).toEqual(at(72));
  });

  it('a completed visit after discharge takes the session off the list', () => {
    expect(worklistEntry({ ...base, appointments: [appt(30, 'completed')], now: at(40) })).toBeNull();
  });

  it('a visit after the next discharge belongs to the next session', () => {
    const next = at(72);
    expect(countsForSession({ startAt: at(80) }, D, next)).toBe(false);
    expect(countsForSession({ startAt: at(0) }, D, next)).toBe(true);
    const e = worklistEntry({
      ...base,
      nextDischargeAt: next,
      appointments: [appt(80, 'completed')],
      now: at(90),
    });
    expect(e?.status).toBe('overdue');
  });

  it('names the earliest booked visit', () => {
    const e = worklistEntry({
      ...base,
      appointments: [appt(60, 'booked', 'late'), appt(30, 'booked', 'early')],
      now: at(1),
    });
    expect(e?.appointment?.id).toBe('early');
  });
});
