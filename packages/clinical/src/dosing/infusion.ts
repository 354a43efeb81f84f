/**
 * An infusion's timeline: start, pauses and resumptions, rate changes and stop, each with its time, and the
 * progress they give (minutes infused excluding pauses against the planned duration, current rate, volume
 * run in). Pure. The chronological record of interruptions and rate changes is what an infusion record
 * keeps (Infusion Nurses Society, Infusion Therapy Standards of Practice, 9th ed. 2024, documentation).
 */

export type InfusionEventKind = 'pause' | 'resume' | 'rate_change' | 'stop' | 'device';

export interface InfusionEvent {
  at: string;
  kind: InfusionEventKind;
  rateMlPerHour?: number | undefined;
  note?: string | undefined;
}

export interface InfusionRecord {
  startedAt: string;
  stoppedAt: string | null;
  /** Pump rate at the start, when known. */
  rateMlPerHour?: number | null | undefined;
  /** Planned duration, when known (IV protocols). */
  durationMin?: number | null | undefined;
  events: InfusionEvent[];
}

export type InfusionState = 'running' | 'paused' | 'stopped';

export interface InfusionProgress {
  state: InfusionState;
  /** Minutes infused (running time only) until the stop or `now`. */
  infusedMin: number;
  pausedMin: number;
  plannedMin: number | null;
  /** infusedMin ÷ plannedMin, 0–100 (null without a planned duration). */
  percent: number | null;
  rateMlPerHour: number | null;
  /** Volume run in at the recorded rates (null when a running stretch has no known rate). */
  volumeMl: number | null;
}

const ms = (iso: string): number => Date.parse(iso);
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The events in time order (a stable sort keeps the order of events at the same instant). */
function ordered(events: InfusionEvent[]): InfusionEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => ms(a.e.at) - ms(b.e.at) || a.i - b.i)
    .map((x) => x.e);
}

/**
 * Whether `next` may follow the record: not before the start or the last event, a pause only while running,
 * a resume only while paused, nothing after the stop, and a rate change with its rate. Returns the problem
 * in words, or null.
 */
export function checkInfusionEvent(record: InfusionRecord, next: InfusionEvent): string | null {
  const t = ms(next.at);
  if (!Number.isFinite(t)) return 'the time is not a valid date';
  if (t < ms(record.startedAt)) return 'is before the start of the administration';
  const p = infusionProgress(record, new Date(t));
  const last = ordered(record.events).at(-1);
  if (last && t < ms(last.at)) return `is before the last recorded event (${last.kind.replace('_', ' ')})`;
  if (p.state === 'stopped') return 'the administration is already stopped';
  if (next.kind === 'pause' && p.state !== 'running') return 'the infusion is already paused';
  if (next.kind === 'resume' && p.state !== 'paused') return 'the infusion is not paused';
  if (next.kind === 'rate_change' && next.rateMlPerHour === undefined)
    return 'a rate change needs the new rate';
  return null;
}

/** Progress of an infusion at `now` (or at its stop). */
export function infusionProgress(record: InfusionRecord, now: Date): InfusionProgress {
  const end = record.stoppedAt ? Math.min(ms(record.stoppedAt), now.getTime()) : now.getTime();
  let state: InfusionState = 'running';
  let rate = record.rateMlPerHour ?? null;
  let since = ms(record.startedAt);
  let runMs = 0;
  let pausedMs = 0;
  let volume: number | null = 0;
  const close = (t: number): void => {
    const span = Math.max(0, Math.min(t, end) - since);
    if (state === 'running') {
      runMs += span;
      if (span > 0) volume = rate === null || volume === null ? null : volume + (rate * span) / 3_600_000;
    } else if (state === 'paused') pausedMs += span;
    since = Math.max(since, Math.min(t, end));
  };
  for (const e of ordered(record.events)) {
    const t = ms(e.at);
    if (t > end) break;
    if (e.kind === 'device') continue;
    close(t);
    if (e.kind === 'pause' && state === 'running') state = 'paused';
    else if (e.kind === 'resume' && state === 'paused') state = 'running';
    else if (e.kind === 'rate_change' && e.rateMlPerHour !== undefined) rate = e.rateMlPerHour;
    else if (e.kind === 'stop') {
      state = 'stopped';
      break;
    }
  }
  if (state !== 'stopped') close(end);
  if (record.stoppedAt && ms(record.stoppedAt) <= now.getTime()) state = 'stopped';
  const infusedMin = round1(runMs / 60_000);
  const plannedMin = record.durationMin ?? null;
  return {
    state,
    infusedMin,
    pausedMin: round1(pausedMs / 60_000),
    plannedMin,
    percent: plannedMin ? Math.min(100, Math.round((infusedMin / plannedMin) * 100)) : null,
    rateMlPerHour: rate,
    volumeMl: volume === null ? null : Math.round(volume * 100) / 100,
  };
}
