/**
 * The daily mood check-in: one 0–10 rating ("How is your mood today?", 0 = the worst, 10 = the best). Every
 * check-in is kept; the trend shows one point per day in the clinic's time zone, the day's latest rating.
 * A single self-rated item, not a validated scale: it sits beside the scales, never in place of them
 * (docs/clinical-sources.md#journal-prompts-and-mood-check-in).
 */
import { instantToLocal } from '../scheduling/zoned.ts';

export const MOOD_SCORE_MIN = 0;
export const MOOD_SCORE_MAX = 10;

export interface MoodCheckIn {
  score: number;
  recordedAt: Date;
}

export interface MoodDay {
  /** The clinic-local date, `YYYY-MM-DD`. */
  date: string;
  score: number;
  recordedAt: Date;
}

/** One point per clinic-local day (the day's latest check-in), oldest day first. */
export function latestPerLocalDay(checkIns: readonly MoodCheckIn[], timeZone: string): MoodDay[] {
  const byDay = new Map<string, MoodCheckIn>();
  for (const c of checkIns) {
    const date = instantToLocal(c.recordedAt, timeZone).date;
    const held = byDay.get(date);
    if (!held || c.recordedAt.getTime() >= held.recordedAt.getTime()) byDay.set(date, c);
  }
  return [...byDay.entries()]
    .map(([date, c]) => ({ date, score: c.score, recordedAt: c.recordedAt }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
