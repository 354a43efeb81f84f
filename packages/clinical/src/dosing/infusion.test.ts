/** Infusion timeline: pauses, rate changes and stop, and the progress they give. Source: see `infusion.ts`. */
import { describe, expect, it } from 'vitest';
import { checkInfusionEvent, type InfusionRecord, infusionProgress } from './infusion.ts';

const T0 = Date.parse('2025-06-01T10:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const base: InfusionRecord = {
  startedAt: at(0),
  stoppedAt: null,
  rateMlPerHour: 60,
  durationMin: 40,
  events: [],
};

describe('infusionProgress', () => {
  it.each<[string, InfusionRecord, number, Partial<ReturnType<typeof infusionProgress>>]>([
    ['running 20 of 40 min', base, 20, { state: 'running', infusedMin: 20, percent: 50, volumeMl: 20 }],
    [
      'a 10-minute pause is not counted',
      {
        ...base,
        events: [
          { at: at(5), kind: 'pause' },
          { at: at(15), kind: 'resume' },
        ],
      },
      30,
      { state: 'running', infusedMin: 20, pausedMin: 10, percent: 50, volumeMl: 20 },
    ],
    [
      'paused now',
      { ...base, events: [{ at: at(5), kind: 'pause' }] },
      30,
      { state: 'paused', infusedMin: 5, pausedMin: 25 },
    ],
    [
      'rate halved at 10 min',
      { ...base, events: [{ at: at(10), kind: 'rate_change', rateMlPerHour: 30 }] },
      20,
      { infusedMin: 20, rateMlPerHour: 30, volumeMl: 15 },
    ],
    [
      'stopped at 40 min',
      { ...base, stoppedAt: at(40), events: [{ at: at(40), kind: 'stop' }] },
      90,
      { state: 'stopped', infusedMin: 40, percent: 100, volumeMl: 40 },
    ],
    [
      'no rate known: no volume',
      { ...base, rateMlPerHour: null },
      10,
      { infusedMin: 10, volumeMl: null, rateMlPerHour: null },
    ],
  ])('%s', (_name, record, nowMin, want) => {
    expect(infusionProgress(record, new Date(T0 + nowMin * 60_000))).toMatchObject(want);
  });
});

describe('checkInfusionEvent', () => {
  const paused: InfusionRecord = { ...base, events: [{ at: at(5), kind: 'pause' }] };
  const stopped: InfusionRecord = { ...base, stoppedAt: at(40), events: [{ at: at(40), kind: 'stop' }] };
  it.each<[string, InfusionRecord, Parameters<typeof checkInfusionEvent>[1], RegExp | null]>([
    ['pause while running', base, { at: at(5), kind: 'pause' }, null],
    ['resume while running', base, { at: at(5), kind: 'resume' }, /not paused/],
    ['pause while paused', paused, { at: at(6), kind: 'pause' }, /already paused/],
    ['resume after a pause', paused, { at: at(6), kind: 'resume' }, null],
    ['before the last event', paused, { at: at(4), kind: 'resume' }, /before the last/],
    ['before the start', base, { at: at(-1), kind: 'pause' }, /before the start/],
    ['rate change without a rate', base, { at: at(5), kind: 'rate_change' }, /new rate/],
    ['anything after the stop', stopped, { at: at(41), kind: 'resume' }, /already stopped/],
    ['stop while paused', paused, { at: at(20), kind: 'stop' }, null],
  ])('%s', (_name, record, next, problem) => {
    const r = checkInfusionEvent(record, next);
    if (problem) expect(r).toMatch(problem);
    else expect(r).toBeNull();
  });
});
